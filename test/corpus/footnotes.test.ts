import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, type Document, loadCorpus } from '../../src/corpus/index.ts';
import { documentOf } from '../helpers.ts';

/**
 * A report as PDF text extraction gives it (written for these tests): footnote numbers stuck to
 * the words they annotate, the footnotes at each page's foot right under its last line of text,
 * one paragraph cut by a page break under its page's footnotes, and a line of text at a page's
 * foot that opens with a figure and is no footnote.
 */
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'footnotes');

let corpus: Corpus;
const report = (): Document => documentOf(corpus, '2026-05-04-s-2026-301-inquiry-report');
const texts = () => report().passages.map((p) => p.text);

beforeAll(async () => {
  corpus = await loadCorpus(FIXTURES);
});

describe('footnotes at the foot of a page', () => {
  it('joins the paragraph a page break cut, across the footnotes under it, on both pages', () => {
    expect(corpus.problems).toEqual([]);
    const cut = report().passages.find((p) => p.text.startsWith('2. The inquiry received'));
    expect(cut?.text).toMatch(/despite the risks they faced, and the organizations that helped it reach them\.$/);
    expect(cut?.pages).toEqual([1, 2]);
  });

  it('quotes each footnote as a passage of its own, after the paragraph its page ends with', () => {
    const all = texts();
    const at = (start: string) => all.findIndex((t) => t.startsWith(start));
    expect(all).toContain('1 S/2026/188.');
    expect(all).toContain('2 Figures provided by the Ministry of Health, 20 April 2026.');
    expect(at('1 S/2026/188.')).toBe(at('2. The inquiry received') + 1);
    // Footnotes on lines of their own under a paragraph with no blank line, one wrapped.
    expect(all).toContain('3 See A/HRC/55/71, para. 14.');
    expect(all).toContain('4 Interviews conducted in Halden on 12 April 2026, and in the capital on 14 April 2026.');
    expect(all.some((t) => t.endsWith('two towns.4'))).toBe(true);
  });

  it('keeps a line that opens with a figure no footnote marks as the text it is', () => {
    expect(texts()).toContain(
      '3. The inquiry found that 14 people were injured at the crossing, and 3 of them were treated in Halden, where the hospital had been warned.',
    );
    expect(texts().filter((t) => t.startsWith('3 '))).toEqual(['3 See A/HRC/55/71, para. 14.']);
  });
});
