/**
 * The same answers for a terminal (the CLI): documents, answers, `/search` lists, citations and
 * verdicts as plain text, matched words in bold where the terminal shows it.
 */
import { formatUnDate } from '../corpus/dates.ts';
import type { CorpusError } from '../corpus/errors.ts';
import { clip } from './markdown.ts';
import {
  countDocuments,
  documentNoun,
  isLetter,
  type Letter,
  type Passage,
} from '../corpus/schema.ts';
import {
  type Answer,
  type AnswerResult,
  asksNothing,
  NO_DOCUMENTS,
  type Searched,
} from '../search/answer.ts';
import type { Verdict } from '../search/check.ts';
import type { LinkedDocument } from '../search/posted-message.ts';
import { describeListFilter, type ListFilter, whyNoneMatch } from '../search/list-filter.ts';
import {
  kindAndAuthor,
  upperFirst,
  speaker,
  CITATION_STYLES,
  type CitationStyle,
  documentUrl,
  formatCitation,
  formatStyledCitation,
  pageLabel,
} from '../search/cite.ts';
import { count } from './count.ts';
import type { QuotedPassage } from './passage.ts';
import {
  CITATION_STYLE_NAMES,
  CLI_HELP,
  CLI_LISTS,
  describeSearched,
  figureLines,
  HOW_TO_ADD,
  howToAsk,
  linkedNote,
  notInCitedNote,
  linkOnlyNotice,
  listedWhere,
  markHighlights,
  matchingPassages,
  notAsWritten,
  resultsRange,
  noLinkNote,
  passageName,
  passageNumbersNote,
  RELATED_HEADING,
  searchedSentence,
  signatoryLabel,
  symbolOrNote,
  theSearched,
  answerNotice,
  unknownSymbolNotice,
  unsupportedNote,
  pieceLines,
  verdictHeading,
  whyNotFound,
} from './wording.ts';

/** The heading over the closest passages, which the terminal shows as Discord does. */
export { RELATED_HEADING };

/**
 * The document list for a terminal, as `/letters` shows it: per document its date, symbol, kind
 * and author, its title, and its id (what `letter` and `cite` take), in the order given.
 */
export function renderLetterTable(letters: readonly Letter[]): string {
  const noun = documentNoun(letters);
  if (letters.length === 0) return `No documents in the corpus: ${HOW_TO_ADD}.`;
  const blocks = letters.map((l) => {
    const who = kindAndAuthor(l);
    return [
      `${formatUnDate(l.date)} · ${symbolOrNote(l)} · ${who} · ${count(l.passages.length, 'passage')}`,
      `   ${l.title}`,
      `   id: ${l.id}`,
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${countDocuments(letters.length, noun)}.`;
}

/**
 * `letters` with a filter: the documents that pass it as `renderLetterTable` shows them, then the
 * filter and how many of how many; when none passes, why, and how to list all.
 */
export function renderFilteredLetterTable(
  listed: readonly Letter[],
  all: readonly Letter[],
  filter: ListFilter,
): string {
  const noun = documentNoun(all);
  const seeAll = `\`npm run cli -- letters\` without options lists all ${countDocuments(all.length, noun)}.`;
  const described = describeListFilter(all, filter);
  if (listed.length === 0)
    return all.length === 0
      ? renderLetterTable(all)
      : `No ${noun} matches ${described}: ${whyNoneMatch(all, filter)}. ${seeAll}`;
  const table = renderLetterTable(listed).replace(/\n\n[^\n]*$/, '');
  return `${table}\n\n${described}: ${listed.length} of ${countDocuments(all.length, noun)}. ${seeAll}`;
}

/** One letter for a terminal: its metadata, then its passages with our numbering. */
export function renderLetterText(letter: Letter): string {
  // A letter's masthead and signature lines show "—" when empty only for a letter, whose text
  // has them as a rule; a speech or report shows those it has.
  const masthead = (label: string, value: string) =>
    value || isLetter(letter) ? [`  ${label}${value || '—'}`] : [];
  const lines = [
    letter.title,
    '',
    `  Symbol:       ${symbolOrNote(letter)}${letter.symbolSource === 'sidecar' ? ' (from metadata file)' : letter.symbolSource === 'front matter' ? ' (from front matter)' : ''}`,
    `  Date:         ${formatUnDate(letter.date)}`,
    ...masthead('Distributed:  ', letter.distributed ? formatUnDate(letter.distributed) : ''),
    `  Kind:         ${letter.kind}${letter.sources.kind === null ? ' (nothing says more)' : ''}`,
    ...(isLetter(letter)
      ? [`  From:         ${letter.sender}`, `  To:           ${letter.addressee}`]
      : [`  Author:       ${letter.author ?? 'unknown'}`]),
    ...(letter.language ? [`  Language:     ${letter.language}`] : []),
    ...(letter.url ? [`  Link:         ${letter.url}`] : []),
    ...masthead('Signed:       ', letter.signatories.map(signatoryLabel).join('; ')),
    ...masthead('Bodies:       ', letter.bodies.join('; ')),
    ...masthead('Agenda items: ', letter.agendaItems.join(', ')),
    ...masthead('Job number:   ', letter.jobNumber ?? ''),
    ...letter.annexes.map(
      (a, i) => `  Annex ${i + 1}:      ${a.title}${a.date ? ` (${formatUnDate(a.date)})` : ''}`,
    ),
    `  File:         ${letter.file}`,
    '',
    `Passages (numbered by the Annex bot${isLetter(letter) ? '; UN letters have no paragraph numbers' : ''}):`,
  ];
  for (const p of letter.passages) {
    const where = [p.part === 'letter' ? letter.kind : `${p.part} ${p.partIndex}`];
    const pages = pageLabel(p.pages);
    if (pages) where.push(pages);
    lines.push('', `[${p.n}] (${where.join(', ')})`, p.text);
  }
  return lines.join('\n');
}

/** Corpus problems, one per line, `file:line: problem`. */
export function renderProblems(problems: readonly CorpusError[]): string {
  return problems.map((p) => p.message).join('\n');
}

/** The indent of a quote under its number in a terminal. */
const QUOTE_INDENT = '   ';
/** A question read back in a "Not found" line is clipped to this many characters (a pasted page is not echoed whole). */
const ECHOED_QUESTION = 200;

/** `text` with every line after the first indented as the block it continues. */
export function indentLines(text: string, indent = QUOTE_INDENT): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/** How a terminal marks quoted words: bold on a colour terminal, `**` otherwise. */
function boldMarks(color: boolean): [string, string] {
  return color ? ['\u001b[1m', '\u001b[22m'] : ['**', '**'];
}

/** Quoted passages for a terminal, numbered: attribution, quote (matched words marked), citation. */
function resultBlocks(results: readonly AnswerResult[], color: boolean): string[] {
  const [open, close] = boldMarks(color);
  return results.map((r, i) => {
    const quote = markHighlights(r.excerpt, r.highlights, open, close);
    const rest =
      r.excerpt.length < r.text.length
        ? `\n${QUOTE_INDENT}Whole passage: ${indentLines(r.text)}`
        : '';
    const link = r.url ? `\n${QUOTE_INDENT}${r.url}` : '';
    return `${i + 1}. ${r.speaker} says:\n${QUOTE_INDENT}“${indentLines(quote)}”${rest}\n${QUOTE_INDENT}— ${r.citation}${link}`;
  });
}

/** Says that the corpus holds no document and how to add one. */
export function noDocuments(): string {
  return `There are no documents in the corpus yet: ${HOW_TO_ADD}.`;
}

/**
 * An answer for a terminal: each quote with its attribution and citation, or the honest miss;
 * what was searched counted as `noun`s ("documents" for a corpus not all letters).
 */
export function renderAnswerText(answer: Answer, color = false): string {
  const blocks = (results: readonly AnswerResult[]) => resultBlocks(results, color);
  const noun = answer.searched.noun;
  if (asksNothing(answer)) return howToAsk(noun, answer, { more: CLI_HELP, lists: CLI_LISTS });
  if (answer.reason === NO_DOCUMENTS) return noDocuments();
  if (answer.unknownSymbol)
    return `Not found. ${unknownSymbolNotice(answer.unknownSymbol, answer.searched.noun, CLI_LISTS)}`;
  const notice = answerNotice(answer);
  const before = notice ? `${notice}\n\n` : '';
  if (answer.abstained) {
    // A question in quotation marks is not quoted again.
    const query = clip(answer.query, ECHOED_QUESTION);
    const asked = /^["“].*["”]$/.test(query) ? query : `"${query}"`;
    const miss = `Not found: no passage in ${theSearched(answer.searched)} answers ${asked}${whyNotFound(answer)}.`;
    if (answer.related.length === 0) return miss;
    return `${miss}\n\n${before}${RELATED_HEADING}\n\n${blocks(answer.related).join('\n\n')}`;
  }
  const shown = `${answer.results.length} of ${matchingPassages(answer)}`;
  return `${before}${blocks(answer.results).join('\n\n')}\n\n${shown}; searched ${describeSearched(answer.searched)}.`;
}

/**
 * A `/search` listing for a terminal (`cli search`): one line per passage, as `/search` lists
 * them, each naming its document; `kindOf` gives a document's kind by its id.
 */
export function renderSearchText(
  answer: Answer,
  kindOf: (id: string) => string | undefined,
  offset = 0,
): string {
  if (answer.abstained || answer.results.length === 0) return renderAnswerText(answer);
  const lines = answer.results.map(
    (r, i) =>
      `${offset + i + 1}. ${indentLines(r.excerpt)}\n${QUOTE_INDENT}— ${listedWhere(r, kindOf(r.letterId))}${r.url ? `\n${QUOTE_INDENT}${r.url}` : ''}`,
  );
  // As /search's title says it: "30 best of 2,114 matching passages" when it lists only the best.
  const best =
    (answer.matched ?? 0) > answer.total
      ? `${answer.total} (the best of ${count(answer.matched ?? 0, 'matching passage')})`
      : count(answer.total, 'matching passage');
  return `${lines.join('\n\n')}\n\n${resultsRange(offset, answer.results.length)} of ${best}; searched ${describeSearched(answer.searched)}.`;
}

/** `cli cite`: the citations `/cite` gives, each style under its name, for a terminal. */
export function renderCitationsText(
  letter: Letter,
  passage: Passage | null,
  style?: CitationStyle,
): string {
  const styles = style ? [style] : [...CITATION_STYLES];
  const link = documentUrl(letter);
  return [
    passage
      ? `${upperFirst(passageName(letter, passage))} of this ${letter.kind}:`
      : `This ${letter.kind}:`,
    `${QUOTE_INDENT}${letter.title}`,
    `${QUOTE_INDENT}${link ?? noLinkNote(letter)}`,
    ...(passage ? [`${QUOTE_INDENT}${passageNumbersNote(letter, passage)}`] : []),
    '',
    ...styles.flatMap((s) => [
      `${CITATION_STYLE_NAMES[s]}:`,
      `${QUOTE_INDENT}${formatStyledCitation(letter, passage, s)}`,
    ]),
  ].join('\n');
}

/**
 * `cli quote`: what `/quote` shows (`quotePassage`), for a terminal: who says it, the passage
 * quoted whole under its heading with its citation and link, and with context the passages
 * before and after it under theirs. A terminal has no message limit: nothing is left out.
 */
export function renderPassageText(
  letter: Letter,
  quoted: Exclude<QuotedPassage, { missing: string }>,
): string {
  const link = documentUrl(letter);
  const block = (heading: string, passage: Passage, cited: boolean) =>
    [
      heading,
      `${QUOTE_INDENT}${cited ? '“' : ''}${indentLines(passage.text)}${cited ? '”' : ''}`,
      ...(cited ? [`${QUOTE_INDENT}— ${quoted.citation}`] : []),
      ...(cited && link ? [`${QUOTE_INDENT}${link}`] : []),
    ].join('\n');
  const n = quoted.passage.n;
  return [
    `${quoted.speaker} says:`,
    ...quoted.around.filter((a) => a.passage.n < n).map((a) => block(a.heading, a.passage, false)),
    block(quoted.heading, quoted.passage, true),
    ...quoted.around.filter((a) => a.passage.n > n).map((a) => block(a.heading, a.passage, false)),
  ].join('\n\n');
}

/**
 * A claim's check for a terminal (`cli check`), with the verdicts and wording of the moderators'
 * _Check in letters_: quoted verbatim (the passage and its citation), the closest passages, or
 * not in the letters; under the first line, as there, the document the message cites (`cited`:
 * the document, and how many documents Annex holds, "5 letters") and what was checked against it,
 * or (`beyond`) that it holds no sentence of the claim, and which passage does.
 */
export function renderVerdictText(
  verdict: Verdict,
  searched: Searched,
  color = false,
  cited: { link: LinkedDocument; holds: string; beyond?: boolean } | null = null,
): string {
  const scope = searchedSentence(searched);
  const noun = `${searched.noun}s`;
  const heading = verdictHeading(verdict, noun);
  const note = cited
    ? [
        cited.beyond
          ? notInCitedNote(cited.link, verdict, cited.holds)
          : linkedNote(cited.link, cited.holds),
      ]
    : [];
  switch (verdict.kind) {
    case 'verbatim': {
      const { letter, passage, span } = verdict;
      const url = documentUrl(letter);
      const [open, close] = boldMarks(color);
      return [
        `${heading}.`,
        ...note,
        '',
        `${speaker(letter, passage)} says:`,
        `   “${markHighlights(passage.text, span ? [span] : [], open, close)}”`,
        `   — ${formatCitation(letter, passage)}${url ? `\n   ${url}` : ''}`,
        '',
        scope,
      ].join('\n');
    }
    case 'close':
      return [
        `${heading}. ${notAsWritten(noun, verdict)}: compare them with the claim.`,
        ...note,
        ...pieceLines(verdict.pieces, verdict.answer.results, (t) => t),
        ...figureLines(
          verdict.figures ?? [],
          verdict.answer.results,
          (t) => t,
          cited && !cited.beyond ? cited.link : null,
        ),
        '',
        resultBlocks(verdict.answer.results, color).join('\n\n'),
        '',
        scope,
      ].join('\n');
    case 'absent':
      return [
        `${heading}: no passage states this or anything close to it. ${scope}`,
        ...note,
        unsupportedNote(noun),
      ].join('\n');
  }
}

/**
 * `cli check` on a message whose own words are none or too few to be a claim, beside the document
 * it cites (`holds`: "5 letters"): whether Annex holds it, and the command that shows it or lists
 * what Annex holds, as _Check in letters_ says it with Discord's commands.
 */
export function renderCitesOnlyText(link: LinkedDocument, claim: string, holds: string): string {
  return linkOnlyNotice(link, claim, holds, {
    letters: CLI_LISTS,
    letter: (key) => `\`npm run cli -- letter ${key}\``,
  });
}
