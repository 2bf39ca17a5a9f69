import { describe, expect, it } from 'vitest';
import { parseBodies, parseMasthead } from '../../src/corpus/masthead.ts';

/** The masthead of a UN document (`masthead.ts`), as the text of its first blocks on one line. */

describe('parseBodies: the organs a document is issued for, each with its session or year', () => {
  it('reads each organ with the session or year that follows it', () => {
    expect(parseBodies('General Assembly Seventy-eighth session Agenda item 30 Security Council Seventy-eighth year')).toEqual([
      'General Assembly, Seventy-eighth session',
      'Security Council, Seventy-eighth year',
    ]);
  });

  it('pairs a two-column masthead by column, as PDF text gives it a line at a time (user trial 14)', () => {
    // "General Assembly      Security Council" over "Eightieth session     Eighty-first year".
    const text =
      'United Nations A/80/812–S/2026/201 General Assembly Distr.: General Security Council 12 March 2026 Original: English General Assembly Security Council Eightieth session Eighty-first year Agenda items 19 and 71';
    expect(parseMasthead(text)).toMatchObject({
      symbol: 'A/80/812-S/2026/201',
      bodies: ['General Assembly, Eightieth session', 'Security Council, Eighty-first year'],
      agendaItems: ['19', '71'],
    });
  });
});

describe('parseMasthead: a masthead of before about 2000, in two columns (user trial 33)', () => {
  it('joins the symbols printed one under the other, and reads the date under them', () => {
    const masthead = parseMasthead(
      'UNITED NATIONS General Assembly Distr. Security Council GENERAL A/51/288 S/1996/671 21 August 1996 ORIGINAL: ENGLISH',
    );
    expect(masthead.symbol).toBe('A/51/288-S/1996/671');
    expect(masthead.distributed).toBe('1996-08-21');
    // One symbol, and one printed with its dash, as before.
    expect(parseMasthead('Distr. GENERAL S/1996/187 14 March 1996')).toMatchObject({
      symbol: 'S/1996/187',
      distributed: '1996-03-14',
    });
    expect(parseMasthead('United Nations A/78/368–S/2023/686 Distr.: General 2 October 2023')).toMatchObject({
      symbol: 'A/78/368-S/2023/686',
      distributed: '2023-10-02',
    });
  });
});
