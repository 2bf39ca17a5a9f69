import { describe, expect, it } from 'vitest';
import { isLabelNumber } from '../../src/search/labels.ts';

/** Whether the number `n` (as written) in `text` is read as a label. */
const label = (text: string, n: string) => isLabelNumber(text, text.indexOf(n));

describe('isLabelNumber: a number that labels a thing counts nothing', () => {
  it('reads the numbers of tables, paragraphs, resolutions and articles as labels', () => {
    expect(label('Table 1 Internally displaced persons by district', '1')).toBe(true);
    expect(label('as set out in paragraph 12 above', '12')).toBe(true);
    expect(label('See A/HRC/55/71, para. 14.', '14')).toBe(true);
    expect(label('under resolution 2231 (2015)', '2231')).toBe(true);
    expect(label('Article 51 of the Charter', '51')).toBe(true);
    expect(label('Presidential Decree No. 41/2026', '41')).toBe(true);
  });

  it('reads a count as a count, also after a sentence that ends with a label noun', () => {
    expect(label('the shelling killed 38 civilians', '38')).toBe(false);
    expect(label('The Council adopted the resolution. 14 members voted in favour', '14')).toBe(
      false,
    );
    expect(label('there were no 5 people left', '5')).toBe(false);
  });
});
