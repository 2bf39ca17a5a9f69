import type { Letter } from '../corpus/schema.ts';
import { describeScope, type Searched } from './answer.ts';
import { checkClaim, type Verdict } from './check.ts';
import { symbolsIn } from './letter-reference.ts';
import { MIN_NEAR_WORDS, wordsOf } from './quote-match.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * A message posted as a claim, as "Check in letters" reads it: the document it cites (a link,
 * or a symbol in brackets ending a line) and the claim, its words without that citation.
 */

/**
 * A claim has at least this many words: "all lies" says what the poster thinks, not what a
 * document might state; "mines in Lachin" may be checked. Fewer are checked only when a passage
 * quotes them as written.
 */
export const MIN_CLAIM_WORDS = 3;

/**
 * A document a message links to, or cites by its symbol in brackets after the words it quotes:
 * the symbol, and the document when the index holds it.
 */
export interface LinkedDocument {
  symbol: string;
  letter: Letter | null;
  /** How the message names it: a web link, or its symbol in brackets (`citedDocument`). */
  by: 'link' | 'citation';
}

/** The document of a symbol ("A/76/930"), when the index holds one. */
function documentOfSymbol(index: SearchIndex, symbol: string): Letter | null {
  const found = index.catalog.named(symbol);
  return found.length > 0 ? (index.letters[found[0] as number] ?? null) : null;
}

/** Web addresses as a message writes them (bare or between `<` `>`), their last punctuation left out. */
const WEB_LINK = /https?:\/\/[^\s<>]+[^\s<>.,;:!?)\]'"]/gi;

/**
 * The first document a message links to: a link the index has for a document (its front matter
 * `url`), or a link whose path is a UN symbol ("https://undocs.org/en/S/2023/123"); with the
 * document when the index holds one of that symbol. Null when no link names a document.
 */
export function linkedDocument(index: SearchIndex, content: string): LinkedDocument | null {
  for (const [link] of content.matchAll(WEB_LINK)) {
    const byUrl = index.letters[index.catalog.withUrl(link)];
    if (byUrl) return { symbol: byUrl.symbol ?? link, letter: byUrl, by: 'link' };
    let path: string;
    try {
      path = decodeURIComponent(new URL(link).pathname);
    } catch {
      continue;
    }
    // The path after an optional UN language, all of it one symbol (or several joined by "-").
    const rest = path.replace(/^\/+(?:(?:ar|zh|en|fr|ru|es)\/)?/i, '').replace(/\/+$/, '');
    const [first] = symbolsIn(rest);
    if (!first || first.start !== 0) continue;
    const letter = documentOfSymbol(index, first.text);
    return { symbol: letter?.symbol ?? first.text, letter, by: 'link' };
  }
  return null;
}

/**
 * Brackets, round or square, ending a line (but for a full stop or a comma after them): where a
 * poster puts the source of what they quote ("… during the last 30 years.** (A/76/930)").
 */
const BRACKETS_AT_LINE_END = /[ \t]*[([][ \t]*([^()[\]\n]+?)[ \t]*[)\]][ \t.,;]*$/gmu;

/**
 * The document a claim cites as its source: a document symbol (or several joined by "-", as
 * "A/76/930-S/2022/642") alone in brackets at the end of a line, read as a link there is
 * (`linkedDocument`), with the document when the index holds it; and the claim without those
 * brackets, which are the poster's citation, not words of the claim. Brackets that cite
 * different documents are left out of the claim too, but name no one document to check it
 * against. Null when no line ends with a symbol in brackets.
 */
export function citedDocument(
  index: SearchIndex,
  claim: string,
): { cited: LinkedDocument | null; claim: string } | null {
  const symbols: string[] = [];
  const rest = claim.replace(BRACKETS_AT_LINE_END, (whole, inside: string) => {
    const found = symbolsIn(inside);
    const [first] = found;
    if (!first || first.start !== 0 || found.at(-1)?.end !== inside.length) return whole;
    symbols.push(first.text);
    return '';
  });
  const [symbol] = symbols;
  if (!symbol) return null;
  const letters = symbols.map((s) => documentOfSymbol(index, s));
  const letter = letters[0] ?? null;
  const one = letters.every((l, i) => (letter ? l === letter : symbols[i] === symbol));
  return {
    cited: one ? { symbol: letter?.symbol ?? symbol, letter, by: 'citation' } : null,
    claim: rest.trim(),
  };
}

/**
 * Whether a message's own words are too few to be a claim on their own ("lies about mines"
 * beside a link): fewer than a near quote needs (`MIN_NEAR_WORDS`). Such words say what the
 * poster thinks of what they link to; searched across every document, they match nothing.
 */
export function tooFewWordsToCheck(claim: string): boolean {
  return wordsOf(claim).length < MIN_NEAR_WORDS;
}

/**
 * A message posted as a claim, as the check reads it: where it is written (`content`, where its
 * links are read, a masked link's too) and the words it shows a reader (`words`: its markup,
 * emoji, mentions and bare links left out, as a transport decodes them).
 */
export interface PostedMessage {
  content: string;
  words: string;
}

/**
 * What "Check in letters" makes of a message, alike from Discord and the CLI, which differ only in
 * how they show it: the claim (the message's words without its citation of a source) checked
 * against the document the message cites (`cites`) when the index holds it, else against every
 * document, with what was searched; or, when the message cites a document but its own words are
 * none or too few to be a claim (`citesOnly`), no check: searched across every document, such
 * words match nothing, and "not in the letters" would misread a link and a comment; or no words
 * and no citation at all (`noWords`).
 */
export type MessageCheck =
  | {
      kind: 'checked';
      claim: string;
      cites: LinkedDocument | null;
      verdict: Verdict;
      searched: Searched;
      /**
       * Whether the cited document, held, holds neither the claim nor a sentence of it while
       * another document does: the verdict is then the claim's check against every document
       * (`searched`), so that a wrong citation reads as one, not as a misquote of the cited one.
       */
      beyondCited: boolean;
    }
  | { kind: 'citesOnly'; claim: string; cites: LinkedDocument }
  | { kind: 'noWords' }
  /** Words too few to be a claim ("all lies"), that no passage quotes as written. */
  | { kind: 'tooShort'; claim: string };

/**
 * Checks a posted message (`PostedMessage`): the document it cites is the first it links to, else
 * a symbol in brackets ending a line (`citedDocument`), which is no words of the claim; the claim
 * is checked against that document alone when the index holds it (`checkClaim`'s `within`). When
 * that document holds no sentence of the claim, the claim is checked against every document too,
 * and that verdict is the one given when another document holds it (`beyondCited`): posters cite
 * the wrong letter, and a check of the cited one alone would read a right quote as a misquote.
 */
export function checkPostedMessage(index: SearchIndex, message: PostedMessage): MessageCheck {
  const cited = citedDocument(index, message.words);
  const claim = cited?.claim ?? message.words.trim();
  const cites = linkedDocument(index, message.content) ?? cited?.cited ?? null;
  if (cites && (!claim || (!cites.letter && tooFewWordsToCheck(claim))))
    return { kind: 'citesOnly', claim, cites };
  if (!claim) return { kind: 'noWords' };
  const within = cites?.letter ?? undefined;
  const verdict = checkClaim(index, claim, within);
  // Too few words to be a claim, and not quoted: "all lies", with or without the document it
  // cites (user trial 33: "all lies (A/80/PV.47)" was said to be not in the documents).
  if (wordsOf(claim).length < MIN_CLAIM_WORDS && verdict.kind !== 'verbatim')
    return { kind: 'tooShort', claim };
  if (within && !holdsClaim(verdict)) {
    const everywhere = checkClaim(index, claim);
    if (holdsClaim(everywhere))
      return {
        kind: 'checked',
        claim,
        cites,
        verdict: everywhere,
        searched: describeScope(index),
        beyondCited: true,
      };
  }
  return {
    kind: 'checked',
    claim,
    cites,
    verdict,
    searched: describeScope(index, within ? { letter: within.id } : {}),
    beyondCited: false,
  };
}

/** Whether a verdict has a passage holding the claim, or a sentence of it, as written or nearly. */
function holdsClaim(verdict: Verdict): boolean {
  return verdict.kind === 'verbatim' || (verdict.kind === 'close' && verdict.pieces.length > 0);
}
