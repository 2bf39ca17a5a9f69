import { formatUnDate } from '../corpus/dates.ts';
import type { CorpusError } from '../corpus/errors.ts';
import type { Letter } from '../corpus/schema.ts';

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

/** The letter list for a terminal: one row per letter. */
export function renderLetterTable(letters: readonly Letter[]): string {
  if (letters.length === 0) return 'No letters loaded.';
  const rows = letters.map((l) => [
    l.id,
    l.date,
    symbolOrNote(l),
    String(l.passages.length),
    l.kind,
  ]);
  return `${table([['ID', 'DATE', 'SYMBOL', 'PASSAGES', 'KIND'], ...rows])}\n\n${letters.length} letters.`;
}

/** One letter for a terminal: its metadata, then its passages with our numbering. */
export function renderLetterText(letter: Letter): string {
  const lines = [
    letter.title,
    '',
    `  Symbol:       ${symbolOrNote(letter)}${letter.symbolSource === 'sidecar' ? ' (from metadata file)' : ''}`,
    `  Date:         ${formatUnDate(letter.date)}`,
    `  Distributed:  ${letter.distributed ? formatUnDate(letter.distributed) : '—'}`,
    `  Kind:         ${letter.kind}`,
    `  From:         ${letter.sender}`,
    `  To:           ${letter.addressee}`,
    `  Signed:       ${letter.signatories.map((s) => (s.title ? `${s.name} (${s.title})` : s.name)).join('; ') || '—'}`,
    `  Bodies:       ${letter.bodies.join('; ') || '—'}`,
    `  Agenda items: ${letter.agendaItems.join(', ') || '—'}`,
    `  Job number:   ${letter.jobNumber ?? '—'}`,
    ...letter.annexes.map(
      (a, i) => `  Annex ${i + 1}:      ${a.title}${a.date ? ` (${formatUnDate(a.date)})` : ''}`,
    ),
    `  File:         ${letter.file}`,
    '',
    'Passages (numbered by Annex; UN letters have no paragraph numbers):',
  ];
  for (const p of letter.passages) {
    const where = [p.part === 'letter' ? 'letter' : `${p.part} ${p.partIndex}`];
    if (p.pages.length > 0) where.push(`${p.pages.length > 1 ? 'pp.' : 'p.'} ${p.pages.join('–')}`);
    lines.push('', `[${p.n}] (${where.join(', ')})`, p.text);
  }
  return lines.join('\n');
}

/** Corpus problems, one per line, `file:line: problem`. */
export function renderProblems(problems: readonly CorpusError[]): string {
  return problems.map((p) => p.message).join('\n');
}
