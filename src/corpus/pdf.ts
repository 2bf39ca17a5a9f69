import { CorpusError } from './errors.ts';

/** A gap between lines of more than this many times the font height starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * Reads a PDF's text layer page by page (pdfjs-dist) into letter text: lines as the PDF lays
 * them out, a blank line where the vertical gap marks a new paragraph, and a form feed ending
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
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const lines: { text: string; y: number; height: number }[] = [];
    let current = '';
    let y: number | null = null;
    let height = 0;
    for (const item of content.items as TextItem[]) {
      if (typeof item.str !== 'string') continue;
      if (y === null) y = item.transform[5] ?? 0;
      height = Math.max(height, item.height ?? 0);
      current += item.str;
      if (item.hasEOL) {
        lines.push({ text: current, y, height });
        current = '';
        y = null;
        height = 0;
      }
    }
    if (current) lines.push({ text: current, y: y ?? 0, height });
    const out: string[] = [];
    for (const [i, line] of lines.entries()) {
      const previous = lines[i - 1];
      if (previous && Math.abs(previous.y - line.y) > PARAGRAPH_GAP * Math.max(previous.height, line.height, 1)) out.push('');
      out.push(line.text);
    }
    pages.push(out.join('\n'));
  }
  await doc.destroy();
  if (pages.every((p) => p.trim() === '')) {
    throw new CorpusError(file, 'the PDF has no text layer (a scan?): run it through OCR first, e.g. ocrmypdf, and add the result');
  }
  return pages.map((p) => `${p}\n\f`).join('');
}
