import { formatUnDate } from '../corpus/dates.ts';
import type { CorpusError } from '../corpus/errors.ts';
import {
  countDocuments,
  type DocumentNoun,
  documentNoun,
  isLetter,
  type Letter,
} from '../corpus/schema.ts';
import { type Answer, type AnswerResult, type Searched, SMALL_TALK } from '../search/answer.ts';
import type { Verdict } from '../search/check.ts';
import { attribution, documentUrl, formatCitation, pageLabel } from '../search/cite.ts';
import { count, withArticle } from './count.ts';

/** Pads columns to a common width; the last column is left ragged. */
function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
}

/** The symbol, or a plain statement that the text carries none (never an invented one). */
export function symbolOrNote(letter: Pick<Letter, 'symbol'>): string {
  return letter.symbol ?? 'no symbol in text';
}

/** The document list for a terminal: one row per document (an unknown date shown as "unknown"). */
export function renderLetterTable(letters: readonly Letter[]): string {
  const noun = documentNoun(letters);
  if (letters.length === 0) return 'No letters loaded.';
  const rows = letters.map((l) => [
    l.id,
    l.date || 'unknown',
    symbolOrNote(l),
    String(l.passages.length),
    l.kind,
  ]);
  return `${table([['ID', 'DATE', 'SYMBOL', 'PASSAGES', 'KIND'], ...rows])}\n\n${countDocuments(letters.length, noun)}.`;
}

/** One letter for a terminal: its metadata, then its passages with our numbering. */
export function renderLetterText(letter: Letter): string {
  const lines = [
    letter.title,
    '',
    `  Symbol:       ${symbolOrNote(letter)}${letter.symbolSource === 'sidecar' ? ' (from metadata file)' : letter.symbolSource === 'front matter' ? ' (from front matter)' : ''}`,
    `  Date:         ${formatUnDate(letter.date)}`,
    `  Distributed:  ${letter.distributed ? formatUnDate(letter.distributed) : '—'}`,
    `  Kind:         ${letter.kind}${letter.sources.kind === null ? ' (nothing says more)' : ''}`,
    ...(isLetter(letter)
      ? [`  From:         ${letter.sender}`, `  To:           ${letter.addressee}`]
      : [`  Author:       ${letter.author ?? 'unknown'}`]),
    ...(letter.language ? [`  Language:     ${letter.language}`] : []),
    ...(letter.url ? [`  Link:         ${letter.url}`] : []),
    `  Signed:       ${letter.signatories.map((s) => (s.title ? `${s.name} (${s.title})` : s.name)).join('; ') || '—'}`,
    `  Bodies:       ${letter.bodies.join('; ') || '—'}`,
    `  Agenda items: ${letter.agendaItems.join(', ') || '—'}`,
    `  Job number:   ${letter.jobNumber ?? '—'}`,
    ...letter.annexes.map(
      (a, i) => `  Annex ${i + 1}:      ${a.title}${a.date ? ` (${formatUnDate(a.date)})` : ''}`,
    ),
    `  File:         ${letter.file}`,
    '',
    `Passages (numbered by Annex${isLetter(letter) ? '; UN letters have no paragraph numbers' : ''}):`,
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

/** Wraps each highlight in `open`/`close` marks (formatting only: the words are unchanged). */
export function markHighlights(
  text: string,
  highlights: readonly { start: number; end: number }[],
  open: string,
  close: string,
): string {
  let out = '';
  let at = 0;
  for (const h of highlights) {
    out += text.slice(at, h.start) + open + text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + text.slice(at);
}

/** "5 letters, 19 February 2021 – 4 April 2024"; "documents" for a corpus not all letters. */
export function describeSearched(searched: Searched, noun: DocumentNoun = 'letter'): string {
  const letters = countDocuments(searched.letters, noun);
  if (!searched.from || !searched.to) return letters;
  const range =
    searched.from === searched.to
      ? formatUnDate(searched.from)
      : `${formatUnDate(searched.from)} – ${formatUnDate(searched.to)}`;
  return `${letters}, ${range}`;
}

/** The heading over the closest passages offered when nothing answers: they are no answer. */
export const RELATED_HEADING =
  'No passage answers this. Closest passages (they may not answer it):';

/** Quoted passages for a terminal, numbered: attribution, quote (matched words marked), citation. */
function resultBlocks(results: readonly AnswerResult[], color: boolean): string[] {
  const bold = color ? ['\u001b[1m', '\u001b[22m'] : ['**', '**'];
  return results.map((r, i) => {
    const quote = markHighlights(r.excerpt, r.highlights, bold[0] ?? '', bold[1] ?? '');
    const rest = r.excerpt.length < r.text.length ? `\n   Whole passage: ${r.text}` : '';
    const link = r.url ? `\n   ${r.url}` : '';
    return `${i + 1}. ${r.attribution} says:\n   “${quote}”${rest}\n   — ${r.citation}${link}`;
  });
}

/**
 * Why nothing answers, as the search says it ("no passage gives a figure", "the letters never
 * mention \"dogs\""), for the sentence that says so: ": <reason>", or nothing when no reason
 * adds to it.
 */
export function whyNotFound(answer: Pick<Answer, 'reason'>): string {
  const { reason } = answer;
  return reason && reason !== 'no passage answers the question' ? `: ${reason}` : '';
}

/** The reply to a message that asks nothing (a greeting, thanks, "?"): how to ask, with examples. */
export function howToAsk(noun: DocumentNoun = 'letter'): string {
  return `Ask me a question about the ${noun}s in your own words, and I quote the passages that answer it, each cited. For example: "How many mine victims were there by September 2023?", "Who signed the letter of 24 August 2022?", "mines in Lachin". Type \`/help\` for everything I do.`;
}

/**
 * An answer for a terminal: each quote with its attribution and citation, or the honest miss;
 * what was searched counted as `noun`s ("documents" for a corpus not all letters).
 */
export function renderAnswerText(
  answer: Answer,
  color = false,
  noun: DocumentNoun = 'letter',
): string {
  const blocks = (results: readonly AnswerResult[]) => resultBlocks(results, color);
  if (answer.reason === SMALL_TALK) return howToAsk(noun);
  if (answer.abstained) {
    const miss = `Not found: no passage in the ${describeSearched(answer.searched, noun)} answers "${answer.query}"${whyNotFound(answer)}.`;
    if (answer.related.length === 0) return miss;
    return `${miss}\n\n${RELATED_HEADING}\n\n${blocks(answer.related).join('\n\n')}`;
  }
  const shown = `${answer.results.length} of ${count(answer.total, 'matching passage')}`;
  return `${blocks(answer.results).join('\n\n')}\n\n${shown}; searched ${describeSearched(answer.searched, noun)}.`;
}

/**
 * A claim's check for a terminal (`cli check`), with the verdicts and wording of the moderators'
 * _Check in letters_: quoted verbatim (the passage and its citation), the closest passages, or
 * not in the letters.
 */
export function renderVerdictText(verdict: Verdict, searched: Searched, color = false): string {
  const scope = `Searched ${describeSearched(searched)}.`;
  switch (verdict.kind) {
    case 'verbatim': {
      const { letter, passage } = verdict;
      const url = documentUrl(letter);
      return [
        `Quoted verbatim in ${withArticle(letter.kind)}.`,
        '',
        `${attribution(letter, passage)} says:`,
        `   “${passage.text}”`,
        `   — ${formatCitation(letter, passage)}${url ? `\n   ${url}` : ''}`,
        '',
        scope,
      ].join('\n');
    }
    case 'close':
      return [
        'Not quoted verbatim; closest passages. The letters do not contain these words as written: compare them with the claim.',
        '',
        resultBlocks(verdict.answer.results, color).join('\n\n'),
        '',
        scope,
      ].join('\n');
    case 'absent':
      return `Not in the letters: no passage states this or anything close to it. ${scope}\nThat the letters do not say it does not make it false, only unsupported by them.`;
  }
}
