import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { renderVerdict } from '../../src/render/discord.ts';
import { renderVerdictText } from '../../src/render/text.ts';
import { figureLines } from '../../src/render/wording.ts';
import { figureDifferences, sharesAFigure } from '../../src/search/check-figures.ts';
import { passageResult } from '../../src/search/answer.ts';
import { checkClaim } from '../../src/search/check.ts';
import type { Letter, Passage } from '../../src/corpus/schema.ts';
import { describeScope, SearchIndex } from '../../src/search/index.ts';
import type { IndexInfo } from '../../src/serving/state.ts';
import { CORPUS_DIR, SEED_INFO } from '../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
});

const info: IndexInfo = SEED_INFO;

/** The figures a claim's check names as stated by none of the closest passages. */
function figures(claim: string) {
  const verdict = checkClaim(index, claim);
  expect(verdict.kind, claim).toBe('close');
  if (verdict.kind !== 'close') return [];
  return (verdict.figures ?? []).map((f) => ({
    claim: f.claim,
    passage: f.passage,
    elsewhere: f.elsewhere,
    text: verdict.answer.results[f.result]?.text ?? '',
  }));
}

describe('checkClaim: a claim that states a passage’s figure (user trial 7)', () => {
  it('shows the passage that states a telling figure of the claim, and names the figure it changed', () => {
    // Before: "Not in the letters: no passage states this or anything close to it".
    const [year, ...more] = figures('Armenia laid 1,318 mines in Lachin in 2019.');
    expect(more).toEqual([]);
    expect(year).toMatchObject({ claim: '2019' });
    expect(year?.text).toContain('amounts to 1,318 pieces');
  });

  it('counts only figures that tell a passage apart: not a small number, not a year', () => {
    expect(sharesAFigure('1,318 mines', 'amounts to 1,318 pieces')).toBe(true);
    expect(sharesAFigure('25% of the maps', 'only 25 per cent')).toBe(true);
    expect(sharesAFigure('two servicemen', '2 servicemen')).toBe(false);
    expect(sharesAFigure('4 servicemen', 'On the same day, 4 servicemen')).toBe(false);
    expect(sharesAFigure('mines laid in 2019', 'mines found in 2019')).toBe(false);
    expect(sharesAFigure('1,318 mines', 'mines marked 3-001M (x=1318)')).toBe(false);
  });
});

describe('checkClaim: a reworded claim’s figures (user trial 6)', () => {
  it('names a figure no closest passage states, and the figure a passage states of the same thing', () => {
    const [lachin, ...more] = figures(
      'Azerbaijan said 1,400 anti-personnel mines were found in Lachin in one week.',
    );
    expect(more).toEqual([]);
    expect(lachin).toMatchObject({ claim: '1,400', passage: '1,318' });
    expect(lachin?.text).toContain('amounts to 1,318 pieces');
    expect(
      figures('Azerbaijan says 320 citizens have become mine victims, 61 of whom died.'),
    ).toEqual([expect.objectContaining({ claim: '320', passage: '314' })]);
    expect(figures('The minefield maps handed over by Armenia were only 30% useful.')).toEqual([
      expect.objectContaining({ claim: '30%', passage: '25 per cent' }),
    ]);
  });

  it('names the year the passage gives with the claim’s figure, though another passage states the claim’s year of something else (user trial 26)', () => {
    const texts = [
      'The national maize harvest fell from 2.4 million tonnes in 2023 to only 910,000 tonnes in 2025.',
      'In 2024, the rains failed in the north.',
    ];
    expect(
      figureDifferences('Orlenia’s maize harvest fell to 910,000 tonnes in 2024', texts),
    ).toEqual([{ claim: '2024', result: 0, passage: '2025', elsewhere: false, beside: '910,000' }]);
    // The year the passage gives with it: nothing to name.
    expect(figureDifferences('the maize harvest fell to 910,000 tonnes in 2025', texts)).toEqual(
      [],
    );
    // Said so: not "in none of these passages", which one of them is not.
    const line = figureLines(
      [{ claim: '2024', result: 0, passage: '2025', elsewhere: false, beside: '910,000' }],
      [passageResult(index.letters[0] as Letter, index.letters[0]?.passages[1] as Passage)],
      (t) => t,
    );
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(
      /^• The claim’s “2024” is not what .* states with “910,000”: it states “2025”\.$/,
    );
  });

  it('names the year the passage gives with a small figure of the same thing, the same word after it (user trial 32)', () => {
    const texts = [
      'In 2024 our maritime patrol seized 41 foreign vessels fishing illegally in our zone.',
      'The declaration adopted by the leaders of our region in 2023 stands.',
    ];
    expect(figureDifferences('Marovia seized 41 foreign vessels in 2023', texts)).toEqual([
      { claim: '2023', result: 0, passage: '2024', elsewhere: false, beside: '41' },
    ]);
    // A small figure of something else anchors no year: "41 days" is not "41 foreign vessels".
    expect(figureDifferences('the patrol lasted 41 days in 2023', texts)).toEqual([]);
  });

  it('gives no other figure for one the passage states in another currency (user trial 34)', () => {
    const texts = [
      'Testland will contribute 12 million euros to the Humanitarian Fund for 2026, in addition to the 8 million euros disbursed last year.',
    ];
    expect(
      figureDifferences(
        'Testland will contribute 12 million dollars to the Humanitarian Fund',
        texts,
      ),
    ).toEqual([]);
    expect(
      figureDifferences(
        'Testland will contribute 15 million euros to the Humanitarian Fund',
        texts,
      ),
    ).toEqual([{ claim: '15 million', result: 0, passage: '12 million', elsewhere: false }]);
  });

  it('takes, of one sentence’s figures, the one whose clause tells of the same thing (user trial 31)', () => {
    const texts = [
      '9. 26 August 2025, Dunvic, central bus station: rocket attack. 9 civilians killed, 21 injured.',
    ];
    expect(figureDifferences('35 civilians were killed in August 2025', texts)).toEqual([
      { claim: '35', result: 0, passage: '9', elsewhere: false },
    ]);
    expect(figureDifferences('25 people were injured in Dunvic', texts)).toEqual([
      { claim: '25', result: 0, passage: '21', elsewhere: false },
    ]);
  });

  it('counts a figure stated only in another unit as not stated (user trial 27)', () => {
    const texts = [
      'Norrmark is ready to provide 12 additional military observers. A separation of heavy weapons, whether at 15 or 20 kilometres, can only help.',
    ];
    expect(figureDifferences('Norrmark offered 20 additional military observers', texts)).toEqual([
      { claim: '20', result: 0, passage: '12', elsewhere: false, otherUnit: true },
    ]);
    // The same unit is the same figure.
    expect(figureDifferences('the weapons were pulled back 20 kilometres', texts)).toEqual([]);
  });

  it('reads a measure written in words, a number word before a unit, as its figure (user trial 32)', () => {
    const texts = [
      'A category 5 tropical cyclone struck the archipelago on 8 September.',
      'The sea around Marovia is rising by six millimetres a year, twice the global average.',
    ];
    expect(figureDifferences('the sea is rising by 8 millimetres a year', texts)).toEqual([
      { claim: '8', result: 1, passage: 'six', elsewhere: false },
    ]);
    // Stated in words, the claim's figure is stated; a number word before no unit is no figure.
    expect(figureDifferences('the sea is rising by 6 millimetres a year', texts)).toEqual([]);
  });

  it('takes no paragraph number or label for a figure the passage states (user trial 30)', () => {
    const texts = [
      'Recorded vote on draft resolution A/80/L.41: adopted by 151 votes to 2, with 14 abstentions.',
      '3. Appeals to Member States to contribute generously to the Recovery Fund;',
      'Table 3 Pledges to the Recovery Fund by donor',
    ];
    expect(
      figureDifferences(
        'The General Assembly adopted it by 151 votes to 3, with 14 abstentions',
        texts,
      ),
    ).toEqual([{ claim: '3', result: 0, passage: '2', elsewhere: false }]);
  });

  it('names none when every figure of the claim is in a closest passage', () => {
    expect(
      figures(
        'Azerbaijan says 314 citizens have become mine victims since the Trilateral Statement, 61 of whom died.',
      ),
    ).toEqual([]);
    expect(
      figures('The maps Armenia handed over were useful in 25 per cent of cases, they say.'),
    ).toEqual([]);
  });

  it('leaves a figure to the line that already names it, in a claim nearly as written', () => {
    const verdict = checkClaim(
      index,
      'Around 3,300 persons became mine victims during the last 37 years. Azerbaijan says 320 citizens have become mine victims, 61 of whom died.',
    );
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.pieces[0]?.differences).toEqual([{ passage: '30', claim: '37' }]);
    expect(verdict.figures?.map((f) => f.claim)).toEqual(['320']);
  });

  it('never names a year the passage’s own document is dated in, which its citation shows (user trial 8)', () => {
    // Before: "The claim’s “2021” is in none of these passages; Azerbaijan, 5 April 2021, passage 8
    // (1 below) states “2020”", the passage's own date saying 2021 on the same line.
    const named = figures(
      'In 2021 Azerbaijan told the Human Rights Council that 20 citizens were killed by mines',
    );
    expect(named.map((f) => f.claim)).not.toContain('2021');
  });

  it('says so in the reply, in Discord and in a terminal', () => {
    const claim = 'Azerbaijan said 1,400 anti-personnel mines were found in Lachin in one week.';
    const verdict = checkClaim(index, claim);
    const text = renderVerdictText(verdict, describeScope(index));
    expect(text).toMatch(
      /The claim’s “1,400” is in none of these passages; .*passage \d+ \(\d below\) states “1,318”\./,
    );
    const discord = renderVerdict(claim, verdict, describeScope(index), info);
    expect(discord.embeds[0]?.description).toMatch(
      /The claim’s “1,400” is in none of these passages; .*states “1,318”\./,
    );
  });
});

describe('checkClaim: a figure from one document and a source from another (user trial 8)', () => {
  const claim =
    'In the 2022 letter Azerbaijan says 1,318 mines were found in Lachin and that 314 people became mine victims';

  it('says where the documents state the claim’s own figure of the same thing, not another passage’s figure', () => {
    // Before: "The claim’s “314” is in none of these passages; A/76/930-S/2022/642, passage 15
    // (3 below) states “134”", a count of something else; 314 is in A/78/368 (2023).
    const verdict = checkClaim(index, claim);
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.figures).toEqual([
      expect.objectContaining({ claim: '314', passage: '314', elsewhere: true }),
    ]);
    const stated = verdict.answer.results[verdict.figures?.[0]?.result ?? -1];
    expect(stated?.symbol).toMatch(/^A\/78\/368/);
    expect(stated?.text).toMatch(/314 (?:citizens|people)/);
    const text = renderVerdictText(verdict, describeScope(index));
    expect(text).toMatch(
      /The claim’s “314” is in none of the closest passages; it is stated in A\/78\/368-S\/2023\/686, passage \d+ \(4 below\)\./,
    );
    expect(text).not.toContain('“134”');
    const discord = renderVerdict(claim, verdict, describeScope(index), info);
    expect(discord.embeds[0]?.description).toMatch(/“314” is in none .* stated in A\/78\/368/);
  });

  it('still names the figure a closest passage states when the documents state the claim’s of no such thing', () => {
    // 314 counts mine victims, never mines found: a closest passage's figure is what to compare.
    const [mines, ...more] = figures('In 2022 Azerbaijan said 314 mines were found in Lachin.');
    expect(more).toEqual([]);
    expect(mines).toMatchObject({ claim: '314', elsewhere: false });
    expect(mines?.passage).not.toBe('314');
    expect(
      figures('Azerbaijan said 1,400 anti-personnel mines were found in Lachin in one week.'),
    ).toEqual([expect.objectContaining({ claim: '1,400', passage: '1,318', elsewhere: false })]);
  });
});

describe('figureDifferences', () => {
  it('never offers the day of a date as the figure a passage states (user trial 7)', () => {
    const passage =
      'On September 19, 2023, a vehicle exploded on an anti-tank landmine planted in the Khojavand district. On 20 and 21 August 2022, two servicemen were injured.';
    expect(
      figureDifferences('In 2023 Azerbaijan found over 600,000 landmines.', [passage]),
    ).toEqual([]);
    expect(figureDifferences('In August 2022, 3 servicemen were injured.', [passage])).toEqual([]);
    expect(figureDifferences('On 19 September 2023, 5 vehicles exploded.', [passage])).toEqual([]);
  });

  it('never offers a figure far from the claim’s as the one it changed (user trial 7)', () => {
    const passage =
      'On the same day, 4 servicemen of Azerbaijan were killed in a landmine explosion.';
    expect(
      figureDifferences('In 2023 Azerbaijan found over 600,000 landmines.', [passage]),
    ).toEqual([]);
    expect(figureDifferences('Azerbaijan said 5 servicemen were killed.', [passage])).toEqual([
      { claim: '5', result: 0, passage: '4', elsewhere: false },
    ]);
  });

  it('names a figure with its scale, as the passage writes it (user trial 7)', () => {
    expect(
      figureDifferences('Refugees in the world reached 40 million.', [
        'The number of refugees in the world reached 36 million at the end of the year.',
      ]),
    ).toEqual([{ claim: '40 million', result: 0, passage: '36 million', elsewhere: false }]);
  });
  it('never throws, whatever the claim and passages', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'0123456789,.% perctnA/=-x\n'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (claim, texts) => {
        for (const f of figureDifferences(claim, texts)) {
          expect(claim).toContain(f.claim);
          expect(texts[f.result]).toContain(f.passage);
        }
      }),
    );
    expect(figureDifferences(`${'9'.repeat(400)} mines`, ['1 mines'])).toEqual([]);
  });
});

describe('figureDifferences: a count is not set against a sum of money (user trial 15)', () => {
  it('reads "$742 million" as a sum of 742,000,000, not as a count near 300', () => {
    const texts = [
      'The plan against cholera in Kestavia seeks $742 million to help people.',
      'Since October, 163 deaths from cholera were recorded.',
    ];
    expect(
      figureDifferences('Cholera killed 300 people in Kestavia', texts).map((d) => [
        d.result,
        d.passage,
      ]),
    ).toEqual([[1, '163']]);
  });
});
