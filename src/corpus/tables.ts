/**
 * Tables as a document's plain text sets them: rows on lines of their own, cells apart by runs of
 * spaces or tabs ("Vell            162 000      31"). Joined into one line as prose is, a table
 * reads as a run of words and figures no one can follow ("District Displaced persons Sites Vell
 * 162 000 31 Upper Orlen 139 000 22 …"), so a table keeps its rows on lines of their own: quoted,
 * it reads row by row as the document prints it.
 */
/** What parts a row's cells: two or more spaces, or a tab. */
const CELL_GAP = / {2,}|\t+/;
/**
 * A cell that states a figure, a share or nothing ("162 000", "4.5", "37 %", "(12)", "—"): what
 * sets a table's rows apart from lines of prose that a justified layout spaced twice, and from
 * numbered paragraphs ("17.   The United Nations was set up …").
 */
const FIGURE_CELL = /^(?:[-–—(]?\$?\d(?:[\d\s.,]*\d)?(?:\s?%|\s?per cent)?\)?|[-–—]|\.\.\.?|…)$/u;
/** A line with a gap between two cells. */
const GAPPED = /\S(?: {2,}|\t+)\S/;
/** A table has at least this many rows with cells… */
const MIN_ROWS = 3;

/** The cells of a line, as its gaps part them. */
const cellsOf = (line: string): string[] => line.trim().split(CELL_GAP);

/**
 * Whether cells hold a figure's cell: not a list item's dash before its words ("-   Education
 * has remained free …"), which a dash standing for no figure looks like.
 */
const holdsFigure = (cells: readonly string[]): boolean =>
  cells.some((cell, i) => FIGURE_CELL.test(cell) && !(i === 0 && /^[-–—]$/.test(cell)));

/**
 * Whether lines are a table: at least `MIN_ROWS` of them part into two or more cells, most of
 * those hold a figure's cell (lines of prose hold no cell that is a figure alone), and the other
 * lines are few, or go on a cell's words further in than the rows start ("1  4 January 2026
 * Karnel  Anti-personnel mine  0  1  Shepherd stepped on a mine while" / "            grazing
 * sheep"), or both: all but one line in four are rows or such wraps.
 */
export function isTable(lines: readonly string[], indents: readonly number[]): boolean {
  // Most blocks are prose with no gap in them: told so without splitting a line.
  let gapped = 0;
  for (const line of lines) if (GAPPED.test(line) && ++gapped >= MIN_ROWS) break;
  if (gapped < MIN_ROWS) return isSpacedTable(lines);
  const cells = lines.map(cellsOf);
  const rows = cells.filter((c) => c.length >= 2);
  if (rows.length < MIN_ROWS) return false;
  const least = Math.min(...indents);
  const wraps = cells.filter((c, i) => c.length < 2 && (indents[i] ?? least) > least).length;
  const body = lines.length - labelledCaption(lines);
  if (4 * (rows.length + wraps) < 3 * body && 4 * rows.length < 3 * body) return false;
  const figured = rows.filter(holdsFigure).length;
  return 2 * figured > rows.length;
}

/** The figures a row of single spaces ends with ("Dravnik 318 524 611 139 1,592"): a row of this many or more. */
const ROW_FIGURES = 2;
/** How many words a line ends with that are figures' cells. */
function trailingFigures(line: string): number {
  const words = line.trim().split(/\s+/);
  let n = 0;
  while (n < words.length && FIGURE_CELL.test(words[words.length - 1 - n] ?? '')) n += 1;
  return n;
}
/** Whether a line is a row whose cells a single space parts, as text extracted from a PDF sets them. */
const isSpacedRow = (line: string) => trailingFigures(line) >= ROW_FIGURES;

/**
 * Whether lines are a table whose cells a single space parts, as most text extracted from a PDF
 * sets them ("District 2022 2023 Total" / "Dravnik 318 524 842"): at least `MIN_ROWS` lines end
 * with figures, and all but one line in four are such rows, or the row that heads them. Lines of
 * prose seldom end with two figures, and never three lines in a row.
 */
function isSpacedTable(lines: readonly string[]): boolean {
  // Most blocks are prose, few of whose lines end with a figure: told so without splitting one.
  let ending = 0;
  for (const line of lines) if (ENDS_WITH_FIGURE.test(line) && ++ending >= MIN_ROWS) break;
  if (ending < MIN_ROWS) return false;
  let rows = 0;
  for (const line of lines) if (isSpacedRow(line)) rows += 1;
  return rows >= MIN_ROWS && 4 * (rows + 1) >= 3 * (lines.length - labelledCaption(lines));
}
/** A line that ends with a figure, or a dash or dots standing for none, as a row of figures does. */
const ENDS_WITH_FIGURE = /(?:\d|%|[-–—]|\.\.\.?|…|\))\s*$/u;

/**
 * How many lines open a table's block before the row that heads its columns, as its caption does
 * ("Households resettled, by district of origin and year" above "District 2022 2023 …"): lines
 * with no gap between cells and fewer figures' cells at their end than a row (a date may end one:
 * "… as at 31 March 2025"), or the table's label ("Table 1"), before the line above the first
 * row. Quoted as the table's heading (`passage-roles.ts`), not read as its first row.
 */
export function captionLines(lines: readonly string[]): number {
  const first = lines.findIndex(
    (line) => isSpacedRow(line) || (GAPPED.test(line) && holdsFigure(cellsOf(line))),
  );
  let n = 0;
  while (
    n < first - 1 &&
    !GAPPED.test(lines[n] ?? '') &&
    (trailingFigures(lines[n] ?? '') < ROW_FIGURES || TABLE_LABEL.test((lines[n] ?? '').trim()))
  )
    n += 1;
  return n;
}

/**
 * The lines of a caption that a table's label opens ("Table 1" / "Displaced persons by province"),
 * which are no rows; 0 for lines that no label opens (the lines of prose above a list of notes are
 * no caption of it).
 */
function labelledCaption(lines: readonly string[]): number {
  return TABLE_LABEL.test((lines[0] ?? '').trim()) ? captionLines(lines) : 0;
}

/** A table's label, the first line of its caption: "Table 1", "Table IV.2", "Table A.3". */
const TABLE_LABEL = /^Table\s+(?:[A-Z]{1,4}[.-])?[\dIVXL]{1,5}(?:[.-]\d{1,2})?$/;
/** A caption's line under its label: a title, short and ending no sentence. */
const MAX_CAPTION_CHARS = 160;

/** Whether a line is a row of a table, its cells parted by gaps or ending with figures. */
const isRowLine = (line: string) =>
  isSpacedRow(line) || (GAPPED.test(line) && cellsOf(line).length >= 2);

/**
 * The tables within a run of lines that holds prose too, as text extracted from a PDF sets a
 * table between two paragraphs with no blank line ("… as shown in table 1." / "Table 1" /
 * "Displaced persons by province" / "Province  Displaced persons  Sites" / "Kessel  184 500  42" /
 * … / "8. The 2025 humanitarian response plan …"): `MIN_ROWS` or more rows in a row, most with a
 * figure's cell, under a caption that a table's label ("Table 1") opens. Each as the
 * lines it spans, `from` (its caption's first) up to `to`.
 */
export function tablesWithin(lines: readonly string[]): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isRowLine(lines[i] ?? '')) {
      i += 1;
      continue;
    }
    let end = i;
    while (end < lines.length && isRowLine(lines[end] ?? '')) end += 1;
    const rows = lines.slice(i, end);
    const figured = rows.filter((l) => trailingFigures(l) > 0 || holdsFigure(cellsOf(l)));
    // The label and the title lines under it, within two lines above the rows.
    let from = i;
    for (let up = i - 1; up >= Math.max(0, i - 3); up--) {
      const text = (lines[up] ?? '').trim();
      if (text.length > MAX_CAPTION_CHARS || /[.;:]$/.test(text)) break;
      if (TABLE_LABEL.test(text)) {
        from = up;
        break;
      }
    }
    // Without a label, rows of a number and words are as likely a list of notes ("1  Signed at
    // Moscow on 12 August 1970.") or of points ("2)  deepening …"): left to the paragraphs.
    if (from < i && rows.length >= MIN_ROWS && 2 * figured.length > rows.length) found.push({ from, to: end });
    i = end;
  }
  return found;
}

/** How far a line its row's words wrap onto is set in, to tell it from a row. */
const WRAP_INDENT = '   ';

/**
 * A table's text: each row on a line of its own, its cells one space apart as in all other text
 * (the columns plain text lines up with spaces line up in no chat's font, and a row padded to
 * them wraps), a line set in further than the rows (its cells' words wrapped) set in by
 * `WRAP_INDENT`.
 */
export function tableText(lines: readonly string[], indents: readonly number[]): string {
  const least = Math.min(...indents);
  return lines
    .map((line, i) => `${(indents[i] ?? least) > least ? WRAP_INDENT : ''}${cellsOf(line).join(' ')}`)
    .join('\n');
}

/**
 * Where a table's text may be cut into passages: before each row, not before the lines its cells'
 * words wrap onto (those start further in than the rows, with spaces).
 */
export function rowStarts(text: string): number[] {
  return [...text.matchAll(/\n(?=\S)/g)].map((m) => m.index + 1);
}

/**
 * Whether a passage's text is a table's (`tableText`): its rows apart by single line ends. Other
 * text is one line a block, and text of several blocks (a document's opening, as the index
 * reads its headings) has them apart by blank lines.
 */
export const isTableText = (text: string): boolean =>
  text.includes('\n') && !text.includes('\n\n');
