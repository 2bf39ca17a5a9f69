/**
 * Footnotes as PDF text extraction gives them: at the foot of a page, above its footer, lines that
 * open with the footnote's number ("12 See A/HRC/55/71, para. 14."), numbered on from the page
 * before (or from 1 again, as an annex may), each number marked in the text above it, stuck to a
 * word or a mark ("… the Secretary-General,1 in which", "… in the Korvath region.3"). A footnote
 * that wraps goes on in lines that do not open with the next number.
 */

/** A footnote's first line: its number, a space, its text (not "1. " of a numbered paragraph). */
const FOOTNOTE_START = /^(\d{1,3})\s+(?=\S)(?!\.)/;

/** The number a line opens a footnote with, or null. */
function openingNumber(line: string): number | null {
  const m = FOOTNOTE_START.exec(line);
  return m ? Number(m[1]) : null;
}

/**
 * Whether footnote `n` is marked in `text`: its number right after a word, a closing mark or a
 * year's end, and no figure going on ("region.3 ", "Secretary-General,1 ", "UNOSAT);5", "in March
 * 2026.1 "; not "1.3 million", not "S/2026/164").
 */
function marked(text: string, n: number): boolean {
  return new RegExp(
    String.raw`(?:(?<=[\p{L})\]’”"'.,;:])(?<!\d[.,:])|(?<=\b(?:1[89]|20)\d\d[.,;:]))${n}(?=[\s.,;:)]|$)`,
    'u',
  ).test(text);
}

/** A run of a page's last lines read as its footnotes: where it starts, and the numbers it holds. */
export interface FootnoteRun {
  /** Index of the run's first line among the page's lines. */
  start: number;
  /** Indexes of the lines that open a footnote (the run's first among them). */
  opens: number[];
  /** The last footnote's number. */
  last: number;
}

/**
 * The footnotes at the foot of a page whose lines are `lines` (in reading order), given the text
 * before them (`textBefore`: this page's and the pages' before) and the last footnote number read
 * on an earlier page (0 when none): the longest run of last lines whose first opens footnote
 * `previous + 1` (or 1), each line after it either opening the next footnote or going on with the
 * one before, every number marked in the text. Null when the page ends in no such run. The run
 * may follow the page's last line of text with no blank line, even one its sentence goes on from
 * (on the next page).
 */
export function footnoteRun(
  lines: readonly string[],
  textBefore: (lineIndex: number) => string,
  previous: number,
): FootnoteRun | null {
  let best: FootnoteRun | null = null;
  for (let start = lines.length - 1; start > 0; start -= 1) {
    const first = openingNumber(lines[start] ?? '');
    if (first === null || (first !== previous + 1 && first !== 1)) continue;
    const opens = [start];
    let n = first;
    for (let i = start + 1; i < lines.length; i += 1)
      if (openingNumber(lines[i] ?? '') === n + 1) {
        opens.push(i);
        n += 1;
      }
    const before = textBefore(start);
    if (!opens.every((_, k) => marked(before, first + k))) continue;
    // A longer run (starting higher on the page) holds the shorter one: the page's footnotes.
    best = { start, opens, last: n };
  }
  return best;
}
