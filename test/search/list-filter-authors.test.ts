import { describe, expect, it } from 'vitest';
import { readListFilter, whyNoneMatch } from '../../src/search/list-filter.ts';
import { documentsOf } from '../helpers.ts';

/** A letter of a State the ISO list does not know (written for this test). */
const letterOf = (state: string, day: number) =>
  [
    `Letter dated ${day} May 2025 from the Permanent Representative of ${state} to the United Nations addressed to the Secretary-General`,
    '',
    `I have the honour to draw your attention to the violations of the airspace of ${state} on ${day} May 2025.`,
    '',
    '(Signed) Mira Dovan',
    'Permanent Representative',
    '',
  ].join('\n');

describe('whyNoneMatch: the authors it lists (user trial 34)', () => {
  it('names every document’s author by a short name, an invented State’s included', async () => {
    const letters = await documentsOf({
      'ostravia.txt': letterOf('Ostravia', 2),
      'kestria.txt': letterOf('the Republic of Kestria', 3),
      'kestria-2.txt': letterOf('the Republic of Kestria', 4),
    });
    const why = whyNoneMatch(letters, readListFilter(letters, { author: 'dravonia' }));
    expect(why).toBe(
      'no author is named "dravonia" (the authors are Republic of Kestria (2), Ostravia (1))',
    );
  });
});
