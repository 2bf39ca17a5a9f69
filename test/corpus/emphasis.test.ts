import { describe, expect, it } from 'vitest';
import { stripEmphasis } from '../../src/corpus/blocks.ts';
import { documentsOf } from '../helpers.ts';

/** Markdown emphasis in a document's text (`stripEmphasis`): read as the words it marks. */

describe('stripEmphasis', () => {
  it.each([
    ['**Amadou Ferrante**', 'Amadou Ferrante'],
    ['*(Signed)* Yashar Aliyev', '(Signed) Yashar Aliyev'],
    ['(_Signed_) Liv Haraldsen-Ortiz', '(Signed) Liv Haraldsen-Ortiz'],
    ['__Annex__ to the letter', 'Annex to the letter'],
  ])('%s → %s', (text, plain) => {
    expect(stripEmphasis(text)).toBe(plain);
  });

  it('leaves underscores inside words and lone asterisks alone', () => {
    expect(stripEmphasis('the file mine_action_2024.pdf')).toBe('the file mine_action_2024.pdf');
    expect(stripEmphasis('the present note verbale and the annex thereto*')).toBe(
      'the present note verbale and the annex thereto*',
    );
  });
});

describe('a markdown letter signed "(_Signed_)" (user trial 15)', () => {
  it('reads its signatory', async () => {
    const [letter] = await documentsOf({
      'letter.md': [
        '**Letter dated 2 February 2026 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General**',
        'I have the honour to inform you of the clean-up of Lake Amaro.',
        '(_Signed_) **Amadou Ferrante**  \nAmbassador  \nPermanent Representative',
      ].join('\n\n'),
    });
    expect(letter?.signatories.map((s) => s.name)).toEqual(['Amadou Ferrante']);
  });
});
