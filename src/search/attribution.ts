import type { Letter, Passage } from '../corpus/schema.ts';
import { analyze } from './analyze.ts';
import { passageResult } from './answer.ts';
import { reportsSpeechOf } from './evidence.ts';
import { type Difference, nearPassage, quotingPassage } from './quote-match.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Words of attribution a claim opens with ("Sweden says", "According to the 2023 letter,"):
 * whom they name, and whether that is the source of the passage that holds the words after them.
 */

/**
 * Verbs that name who says what follows ("Sweden says", "Azerbaijan claims that"), in the forms
 * a poster writes them.
 */
const SPEAKING_VERBS = [
  'says?|said|saying',
  'claims?|claimed',
  'states?|stated',
  'reports?|reported',
  'writes|wrote|written',
  'notes?|noted',
  'asserts?|asserted',
  'declares?|declared',
  'insists?|insisted',
  'alleges?|alleged',
  'argues?|argued',
  'announces?|announced',
  'maintains?|maintained',
  'tells|told',
].join('|');

/**
 * A leading clause that names the source of what follows: "According to the 2023 letter," or
 * a few words (the speaker, "In the 2022 letter Azerbaijan") and a speaking verb, then "that",
 * a comma or a colon, or the claim itself ("Sweden says Norway and Sweden received …").
 */
const LEADING_ATTRIBUTION = new RegExp(
  `^\\s*(?:according\\s+to\\s+(?<source>[^,:;.!?\\n]{1,80}?)\\s*[,:]|(?<speaker>(?:[\\p{L}\\p{N}'’.-]+\\s+){0,5}?[\\p{L}\\p{N}'’.-]+)\\s+(?:${SPEAKING_VERBS})\\b(?:\\s+that\\b|\\s*[,:])?)\\s*`,
  'iu',
);

/**
 * The words of attribution a claim opens with (`LEADING_ATTRIBUTION`): whom they name (`source`),
 * and where the claim's own words start (`at`). Null when it opens with none.
 */
export function leadingAttribution(claim: string): { source: string; at: number } | null {
  const m = LEADING_ATTRIBUTION.exec(claim);
  if (!m?.groups) return null;
  const source = m.groups.source ?? m.groups.speaker ?? '';
  return { source, at: m[0].length };
}

/**
 * Whether words of attribution name a passage's own source, or no one: each of their content
 * words (a State, a year, "letter") is one of the document's description (its title, kind, date,
 * symbol) or of the passage's part (an annex's own title). A speaker it does not name ("Norway
 * says" of Sweden's speech) may be the claim's error, so those words stay the claim's.
 */
function namesSourceOf(source: string, entry: { letter: Letter; passage: Passage }): boolean {
  const r = passageResult(entry.letter, entry.passage);
  const described = new Set(
    analyze(
      [
        entry.letter.title,
        entry.letter.kind,
        entry.letter.symbol ?? '',
        r.attribution,
        r.citation,
      ].join(' '),
    ).map((t) => t.concept),
  );
  return analyze(source)
    .filter((t) => t.weight === 1)
    .every((t) => described.has(t.concept));
}

/**
 * What `find` finds of a claim's words after its words of attribution (`leadingAttribution`), when
 * those words name the found passage's source: "Sweden says" names the source of the quote, no
 * words of it. Null when the claim opens with no attribution.
 */
function afterOwnSource<T extends { letter: Letter; passage: Passage }>(
  claim: string,
  find: (words: string) => T | null,
): T | null {
  const attribution = leadingAttribution(claim);
  if (!attribution) return null;
  const found = find(claim.slice(attribution.at));
  return found && namesSourceOf(attribution.source, found) ? found : null;
}

/** The passage that quotes a claim (or a sentence of it) as written after its own source's name. */
export function attributedQuote(
  index: SearchIndex,
  claim: string,
  inScope: (id: number) => boolean,
): { letter: Letter; passage: Passage } | null {
  return afterOwnSource(claim, (words) => quotingPassage(index, words, inScope));
}

/** `nearPassage` of a claim's sentence after its own source's name, as `attributedQuote`. */
export function attributedNearPassage(
  index: SearchIndex,
  piece: string,
  inScope: (id: number) => boolean,
): ReturnType<typeof nearPassage> {
  return afterOwnSource(piece, (words) => nearPassage(index, words, inScope));
}

/**
 * The passage that holds a claim's words after its words of attribution, as written or nearly,
 * when those words name someone else ("Armenia says there is neither marking nor fencing" of
 * Azerbaijan's letter): whom the claim names is kept as its `speaker`, a difference. With
 * `asWritten`, only words a passage holds as written.
 */
export function otherSpeakers(
  index: SearchIndex,
  piece: string,
  inScope: (id: number) => boolean,
  asWritten = false,
): {
  letter: Letter;
  passage: Passage;
  exact: false;
  differences: Difference[];
  speaker: string;
} | null {
  const attribution = leadingAttribution(piece);
  if (!attribution) return null;
  const words = piece.slice(attribution.at);
  const exact = quotingPassage(index, words, inScope);
  if (!exact && asWritten) return null;
  const found = exact ? { ...exact, differences: [] } : nearPassage(index, words, inScope);
  // A passage that reports their words ("Armenia claimed that …") is theirs to quote.
  const speaker = new Set(analyze(attribution.source).map((t) => t.concept));
  if (!found || reportsSpeechOf(found.passage.text, speaker)) return null;
  return { ...found, exact: false, speaker: attribution.source };
}
