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
