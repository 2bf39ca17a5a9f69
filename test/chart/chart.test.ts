import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChart, type Chart } from '../../src/chart/chart.ts';
import { readTimeFrame } from '../../src/chart/when.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { CHART_FIXTURES, CORPUS_DIR, tempDir } from '../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  const { letters, problems } = await loadCorpus(CHART_FIXTURES);
  expect(problems).toEqual([]);
  index = SearchIndex.build(letters);
});

const points = (chart: Chart, series: string) =>
  chart.series
    .find((s) => s.name === series)
    ?.points.map((p) => [p.written, p.date, p.sources.map((s) => s.passage)]);
const leftOut = (chart: Chart) => chart.leftOut.map((l) => [l.written, l.series]);

describe('buildChart', () => {
  it('charts the stated totals of what is asked, in date order, each with its passage', () => {
    const chart = buildChart(index, 'flood victims');
    expect(points(chart, 'flood victims')).toEqual([
      ['60', '2023-07-01', [1]],
      ['120', '2024-03-10', [2]],
      ['180', '2024-06-01', [2]],
      ['250', '2024-09-09', [2]],
    ]);
    expect(chart.drawable).toBe(true);
    expect(chart.series.flatMap((s) => s.points.map((p) => p.ref))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('keeps the killed and the injured as series of their own, never added up', () => {
    const chart = buildChart(index, 'flood victims');
    expect(chart.series.map((s) => s.name)).toEqual([
      'flood victims',
      'killed',
      'wounded or injured',
    ]);
    expect(points(chart, 'killed')?.map((p) => p[0])).toEqual(['12', '20', '31']);
    expect(points(chart, 'wounded or injured')?.map((p) => p[0])).toEqual(['95', '140']);
    // 31 killed and 140 injured are not 171 victims; 10 children are a part of the 95 injured.
    const values = chart.series.flatMap((s) => s.points.map((p) => p.value));
    expect(values).not.toContain(171);
    expect(values).not.toContain(10);
  });

  it('dates a total by its "as of", else by the document; a "since" date only opens it', () => {
    const chart = buildChart(index, 'flood victims');
    const [year, first, second] = chart.series[0]?.points ?? [];
    expect(first).toMatchObject({ dateFrom: 'document', date: '2024-03-10' });
    expect(second).toMatchObject({ dateFrom: 'stated', dateWritten: '1 June 2024' });
    // A document dated by its year alone: placed in the middle of it, written as the year.
    expect(year).toMatchObject({ dateFrom: 'document', date: '2023-07-01', dateWritten: '2023' });
  });

  it('leaves out, and lists, what it cannot read with certainty', () => {
    const chart = buildChart(index, 'flood victims');
    expect(leftOut(chart)).toEqual(
      expect.arrayContaining([
        ['15', 'killed'],
        ['18', 'killed'],
        ['40', 'flood victims'],
        ['Around 900', 'flood victims'],
        ['2', 'killed'],
        ['75', 'flood victims'],
      ]),
    );
    expect(chart.leftOut).toHaveLength(6);
    const reason = (written: string) => chart.leftOut.find((l) => l.written === written)?.reason;
    expect(reason('15')).toMatch(/either could be the count/);
    expect(reason('40')).toMatch(/2 dates \(2022, 2023\)/);
    expect(reason('2')).toMatch(/one incident \(3 March 2024\)/);
    expect(reason('Around 900')).toMatch(/another start/);
    expect(reason('75')).toBe('no date: neither the sentence nor the document states one');
  });

  it('counts only passages that hold every word asked about ("storm victims" are no flood victims)', () => {
    const chart = buildChart(index, 'flood victims');
    const all = [...chart.series.flatMap((s) => s.points), ...chart.leftOut];
    expect(JSON.stringify(all)).not.toContain('storm victims');
  });

  it('reads what was done to a thing as a series each, with the date said of the act', () => {
    const chart = buildChart(index, 'sandbags');
    expect(
      chart.series.map((s) => [s.name, s.points.map((p) => [p.written, p.dateWritten])]),
    ).toEqual([
      ['sandbags produced', [['More than 30,000', '2023']]],
      ['sandbags laid or planted', [['12,000', 'May 2024']]],
    ]);
  });

  it('asks for one kind when the words name it ("people killed by floods")', () => {
    const chart = buildChart(index, 'people killed by floods');
    expect(chart.series.map((s) => s.name)).toEqual(['killed']);
    expect(points(chart, 'killed')?.map((p) => p[0])).toEqual(['12', '20', '31']);
  });

  it('takes a kind named alone ("killed", "injured") for the people it befalls, as "people killed"', () => {
    for (const [alone, named, series] of [
      ['killed', 'people killed', 'killed'],
      ['injured', 'people injured', 'wounded or injured'],
      ['wounded', 'persons wounded', 'wounded or injured'],
    ] as const) {
      const chart = buildChart(index, alone);
      expect(chart.why ?? '', alone).not.toMatch(/name nothing to count/);
      expect(
        chart.series.map((s) => s.name),
        alone,
      ).toEqual([series]);
      expect(points(chart, series), alone).toEqual(points(buildChart(index, named), series));
    }
    // An act needs the thing it was done to: "detected" alone says nothing of what.
    expect(buildChart(index, 'detected').why).toMatch(/name nothing to count/);
  });

  it('reads "how many …" and "the number of …" as the thing counted, as people ask for a count', () => {
    const plain = buildChart(index, 'flood victims');
    for (const asked of [
      'how many flood victims',
      'the number of flood victims',
      'number of flood victims?',
    ]) {
      const chart = buildChart(index, asked);
      expect(
        chart.series.map((s) => s.name),
        asked,
      ).toEqual(plain.series.map((s) => s.name));
      expect(points(chart, 'flood victims'), asked).toEqual(points(plain, 'flood victims'));
    }
  });

  it('draws nothing below two points, and says why', () => {
    const none = buildChart(index, 'bridges');
    expect(none.drawable).toBe(false);
    expect(none.why).toMatch(/no passage in the 5 documents states a figure counting bridges/);
    const single = buildChart(index, 'sandbags produced');
    expect(single.series.flatMap((s) => s.points)).toHaveLength(1);
    expect(single.drawable).toBe(false);
    expect(single.why).toMatch(/only one figure/);
  });

  it('says when no document is dated within the dates asked, rather than searching none', () => {
    const chart = buildChart(index, 'flood victims', { from: '2030-01-01' });
    expect(chart.drawable).toBe(false);
    expect(chart.why).toBe(
      'none of the 5 documents is dated within the dates given: widen them or leave them out',
    );
  });

  it('narrows to the letters of a span of days', () => {
    const chart = buildChart(index, 'flood victims', { to: '2024-06-30' });
    expect(points(chart, 'flood victims')?.map((p) => p[0])).toEqual(['60', '120', '180']);
    // The undated note cannot be placed within the span: it is not searched.
    expect(chart.searched.letters).toBe(3);
  });
});

describe('buildChart on the five seed letters (the tests’ copies)', () => {
  let seed: SearchIndex;
  beforeAll(async () => {
    seed = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
  });
  const figures = (chart: Chart) =>
    Object.fromEntries(chart.series.map((s) => [s.name, s.points.map((p) => p.written)]));

  it('"mine victims": the three stated totals, the killed and the wounded apart, none summed', () => {
    const chart = buildChart(seed, 'mine victims');
    expect(figures(chart)).toEqual({
      'mine victims': ['232', '314', '350'],
      killed: ['15', '20', '40', '61', '65'],
      'wounded or injured': ['65', '85', '192'],
    });
    const symbols = chart.series[0]?.points.map((p) => p.sources.map((s) => s.symbol));
    expect(symbols).toEqual([
      ['A/76/930-S/2022/642'],
      ['A/78/368-S/2023/686', 'A/78/368-S/2023/686'],
      [null],
    ]);
    const values = chart.series.flatMap((s) => s.points.map((p) => p.value));
    expect(values).not.toContain(80);
    expect(leftOut(chart)).toEqual(
      expect.arrayContaining([
        ['Around 3,300', 'mine victims'],
        ['2', 'killed'],
        ['4', 'killed'],
      ]),
    );
  });

  it('"landmines": mines detected, produced and laid or planted, one series each', () => {
    expect(figures(buildChart(seed, 'landmines'))).toEqual({
      'landmines detected': ['1,318'],
      'landmines produced': ['more than 2,700'],
      'landmines laid or planted': ['over 500,000'],
    });
  });
});

describe('buildChart of many figures for one day (user trial 10)', () => {
  it('names how many other figures the documents state for that day, and a few of them, not every one in each item', async () => {
    const dir = await tempDir();
    const states = ['Arland', 'Borvia', 'Cestia', 'Dorland', 'Evania', 'Fenwick', 'Gorsk'];
    for (const [i, state] of states.entries())
      await writeFile(
        path.join(dir, `${state.toLowerCase()}-2015.md`),
        `---\ntitle: "Statement by ${state} in the general debate of the 70th session of the General Assembly"\ndate: 2015\nauthor: "${state}"\nkind: speech\n---\nMr. President, ${((i + 1) * 10000 + 500).toLocaleString('en-US')} refugees have crossed into our country.\n`,
      );
    const chart = buildChart(SearchIndex.build((await loadCorpus(dir)).letters), 'refugees');
    expect(chart.leftOut).toHaveLength(states.length);
    const reason = chart.leftOut.find((l) => l.written === '10,500')?.reason;
    expect(reason).toBe(
      'the documents state 6 other figures for the same day (20,500, 30,500, 40,500 …)',
    );
  });
});

describe('buildChart: a year a figure is compared with (user trial 23)', () => {
  it('dates the figure by the year it holds for, not the one it is compared with', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'report.md'),
      '---\ntitle: "Safety of humanitarian personnel: report of the Secretary-General"\ndate: 2025-08-08\nauthor: "Secretary-General"\nkind: report\n---\n2. In 2024, 362 humanitarian workers were killed in 21 countries, an increase of 31 per cent compared with 2023.\n\n3. In 2023, 276 humanitarian workers were killed, more than in 2022.\n',
    );
    const chart = buildChart(
      SearchIndex.build((await loadCorpus(dir)).letters),
      'humanitarian workers killed',
    );
    // Before: both left out, "the sentence names 2 dates (2024, 2023)".
    expect(chart.leftOut).toEqual([]);
    const points = chart.series.flatMap((s) => s.points.map((p) => [p.date, p.value]));
    expect(points).toEqual(
      expect.arrayContaining([
        ['2024-07-01', 362],
        ['2023-07-01', 276],
      ]),
    );
  });
});

describe('buildChart: a day of a date is no figure (user trial 24)', () => {
  it('does not chart the 1 of "between 1 and 19 July"', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'note.md'),
      '---\ntitle: "Note on the Ouvane river"\ndate: 2026-07-21\nauthor: "Ildravia"\nkind: statement\n---\nThe flow at Sellan between 1 and 19 July averaged 57 cubic metres per second, little more than half the quantity promised.\n',
    );
    const chart = buildChart(SearchIndex.build((await loadCorpus(dir)).letters), 'flow at sellan');
    const values = [
      ...chart.series.flatMap((s) => s.points.map((p) => p.value)),
      ...chart.leftOut.map((l) => l.written),
    ];
    expect(values).not.toContain(1);
    expect(values).not.toContain('1');
  });
});

describe('buildChart: a number that labels is no figure (user trial 30)', () => {
  it('does not chart the 1 of "Table 1" or the 2 of "paragraph 2"', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'report.md'),
      [
        '---\ntitle: "Report on the Marenne Valley"\ndate: 2025-09-12\nauthor: "Secretary-General"\nkind: report\n---',
        'Table 1 Internally displaced persons by district, 30 June 2025',
        'As set out in paragraph 2 displaced persons numbered 486,000 at the end of June 2025.',
        '',
      ].join('\n\n'),
    );
    const chart = buildChart(
      SearchIndex.build((await loadCorpus(dir)).letters),
      'displaced persons',
    );
    const values = [
      ...chart.series.flatMap((s) => s.points.map((p) => p.value)),
      ...chart.leftOut.map((l) => l.written),
    ];
    expect(values).not.toContain(1);
    expect(values).not.toContain(2);
    expect(values.filter((v) => typeof v === 'string' && /^[12]$/.test(v))).toEqual([]);
  });
});

describe('buildChart: people a sentence counts are not those a verb joined after them names (user trial 32)', () => {
  it('does not chart "212 detainees and urged … the journalists" as journalists', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'release.md'),
      '---\ntitle: "Dialogue on Norvalia"\ndate: 2026-03-18\nkind: press release\n---\nThe Special Rapporteur said that at least 38 journalists were in detention as at 1 March 2026.\n\nThe representative of Tarsia welcomed the release of 212 detainees and urged the Government to extend the amnesty to the journalists.\n',
    );
    const chart = buildChart(SearchIndex.build((await loadCorpus(dir)).letters), 'journalists');
    const values = [
      ...chart.series.flatMap((s) => s.points.map((p) => p.value)),
      ...chart.leftOut.map((l) => l.written),
    ];
    expect(values).toContain(38);
    expect(values).not.toContain(212);
  });
});

describe('readTimeFrame: a year a figure is compared with, said at length (user trial 33)', () => {
  it('is no time the figure holds for: "more than in the whole of 2024"', () => {
    const frame = readTimeFrame(
      'During the reporting period, 50,493 refugees were registered in the five host countries, more than in the whole of 2024.',
      2025,
    );
    expect(frame.plain.map((d) => d.written)).not.toContain('2024');
    expect(frame.holding).toBeNull();
  });
});
