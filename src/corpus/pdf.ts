import { CorpusError } from './errors.ts';
import { endsSentence } from './paragraphs.ts';

/** A gap between lines of more than this many times the font height starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;
/** Lines of a block set in as a whole may stand this many font heights apart and still be one block. */
const SET_IN_GAP = 3;
/** Points by which a line must stand in from the margin to be indented, or off the middle to be off-centre. */
const POSITION_TOLERANCE = 4;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/** A line of a page as pdf.js lays it out: its text, where it starts and ends, its height. */
interface Line {
  text: string;
  x: number;
  end: number;
  y: number;
  height: number;
}

/**
 * Whether `line` starts a new paragraph after `previous`, on a page whose text starts at
 * `margin` and whose middle is `middle`: after a vertical gap; at a first-line indent (word
 * processors often mark paragraphs only so); and where centred lines (a title) meet others.
 * Lines of one centred title stay together.
 */
function startsParagraph(previous: Line, line: Line, margin: number, middle: number): boolean {
  const gap = Math.abs(previous.y - line.y);
  const height = Math.max(previous.height, line.height, 1);
  const indented = (l: Line) => l.x > margin + POSITION_TOLERANCE;
  // A block set in as a whole (a signature: "(Signed) …", "Ambassador", "Permanent
  // Representative") goes on at the same indent while no sentence has ended, even where the
  // word processor spaced its lines apart as paragraphs.
  const setIn =
    indented(previous) &&
    Math.abs(line.x - previous.x) <= POSITION_TOLERANCE &&
    !endsSentence(previous.text.trim()) &&
    gap <= SET_IN_GAP * height;
  if (setIn) return false;
  if (gap > PARAGRAPH_GAP * height) return true;
  const centred = (l: Line) =>
    indented(l) && Math.abs((l.x + l.end) / 2 - middle) < POSITION_TOLERANCE;
  if (centred(previous) && centred(line)) return false;
  if (centred(previous) !== centred(line)) return true;
  return indented(line);
}

/** The x where most lines start: the left margin. */
function leftMargin(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x), (counts.get(Math.round(l.x)) ?? 0) + 1);
  let margin = 0;
  let most = 0;
  for (const [x, n] of counts) {
    if (n > most || (n === most && x < margin)) [margin, most] = [x, n];
  }
  return margin;
}

/**
 * Reads a PDF's text layer page by page (pdfjs-dist) into letter text: lines as the PDF lays
 * them out, a blank line where a new paragraph starts (`startsParagraph`), and a form feed ending
 * each page, so the corpus reader gives passages their real page numbers. Throws `CorpusError` for
 * an encrypted or unreadable PDF, and for one with no text layer (a scan).
 */
export async function extractPdfText(bytes: Uint8Array, file: string): Promise<string> {
  // pdf.js is an ES module, loaded when a PDF is first read: nothing else pays for it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new CorpusError(file, 'the PDF is encrypted (password-protected): save an unprotected copy and add that');
    }
    throw new CorpusError(file, `not a readable PDF (${(error as Error).message})`);
  }
  const pages: { lines: Line[]; middle: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const [x0 = 0, , x1 = 0] = page.view;
    const lines: Line[] = [];
    let current: Line | null = null;
    for (const item of content.items as TextItem[]) {
      if (typeof item.str !== 'string') continue;
      const x = item.transform[4] ?? 0;
      current ??= { text: '', x, end: x, y: item.transform[5] ?? 0, height: 0 };
      current.height = Math.max(current.height, item.height ?? 0);
      current.text += item.str;
      if (item.str.trim()) current.end = Math.max(current.end, x + (item.width ?? 0));
      if (item.hasEOL) {
        lines.push(current);
        current = null;
      }
    }
    if (current) lines.push(current);
    pages.push({ lines, middle: (x0 + x1) / 2 });
  }
  // One margin for the document: a page of one-line paragraphs shows only their indent.
  const margin = leftMargin(pages.flatMap((p) => p.lines));
  const texts = pages.map(({ lines, middle }) => {
    const out: string[] = [];
    for (const [i, line] of lines.entries()) {
      const previous = lines[i - 1];
      if (previous && startsParagraph(previous, line, margin, middle)) out.push('');
      out.push(line.text);
    }
    return out.join('\n');
  });
  await doc.destroy();
  if (texts.every((p) => p.trim() === '')) {
    throw new CorpusError(file, 'the PDF has no text layer (a scan?): run it through OCR first, e.g. ocrmypdf, and add the result');
  }
  return texts.map((p) => `${p}\n\f`).join('');
}
