import { describe, expect, it } from 'vitest';
import type { Chart, ChartPoint, ChartSource, LeftOut } from '../../src/chart/chart.ts';
import {
  CHART_FILE,
  CHART_LIST_FILE,
  type ChartView,
  MAX_CHART_MESSAGES,
  renderChart,
} from '../../src/render/chart.ts';
import { checkDiscordLimits } from '../../src/render/limits.ts';
import { SEED_INFO } from '../helpers.ts';

/** A source whose sentence states `figure`, about 300 characters long as corpus sentences are. */
function source(n: number, figure: string): ChartSource {
  const quote = `In the year under review, ${figure} refugees crossed into the country, as the delegation of State number ${n} reported to the Assembly, and they were received in camps along the border where the humanitarian agencies of the United Nations provided shelter, food and water.`;
  const start = quote.indexOf(figure);
  return {
    letterId: `speech-${n}`,
    symbol: null,
    document: `Statement by State ${n}`,
    letterDate: '2015',
    kind: 'speech',
    passage: 3,
    quote,
    citation: `Statement by State ${n} in the general debate of the 70th session of the General Assembly, 2015, passage 3 (numbered by the Annex bot)`,
    url: null,
    attribution: `State ${n}`,
    figure: { start, end: start + figure.length },
  };
}

/** A chart of `points` figures of refugees and `left` figures left out: a large corpus's chart. */
function bigChart(points: number, left: number): Chart {
  const charted: ChartPoint[] = Array.from({ length: points }, (_, i) => ({
    ref: i + 1,
    series: 'refugees',
    value: 1000 * (i + 1),
    written: `${i + 1},000`,
    date: `${1950 + i}-07-01`,
    dateFrom: 'document',
    dateWritten: String(1950 + i),
    sources: [source(i, `${i + 1},000`)],
  }));
  const leftOut: LeftOut[] = Array.from({ length: left }, (_, i) => ({
    written: `${i + 7},500`,
    series: 'refugees',
    reason: 'another passage states a total for the same day, and this one says no period',
    source: source(1000 + i, `${i + 7},500`),
  }));
  return {
    what: 'refugees',
    series: [{ name: 'refugees', points: charted }],
    leftOut,
    drawable: true,
    why: null,
    searched: { letters: 10952, passages: 370419, from: '1946', to: '2024', noun: 'document' },
  };
}

const VIEW: ChartView = {
  userId: '500000000000000001',
  scope: { letterKey: null, from: null, to: null },
  series: 0,
  passagesOnly: false,
};
const PNG = Buffer.from('png');

describe('renderChart', () => {
  it('keeps a chart of many figures to a few messages, and attaches every passage and every figure left out as a text file', () => {
    const chart = bigChart(60, 200);
    const reply = renderChart(chart, PNG, SEED_INFO, VIEW);
    const messages = [reply, ...(reply.continuation ?? [])];
    expect(messages.length).toBeLessThanOrEqual(MAX_CHART_MESSAGES);
    for (const m of messages) expect(checkDiscordLimits(m)).toEqual([]);
    expect(reply.files?.map((f) => f.name)).toEqual([CHART_FILE, CHART_LIST_FILE]);
    const list = reply.files?.find((f) => f.name === CHART_LIST_FILE)?.attachment.toString('utf8');
    // Nothing is cut: the file holds every point's sentence and every figure left out.
    for (const p of chart.series[0]?.points ?? []) expect(list).toContain(p.sources[0]?.quote);
    for (const l of chart.leftOut) expect(list).toContain(l.source.quote);
    // And the messages say where the rest is.
    const shown = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
    expect(shown).toContain(CHART_LIST_FILE);
  });

  it('attaches no list to a chart whose passages fit in its messages', () => {
    const reply = renderChart(bigChart(5, 3), PNG, SEED_INFO, VIEW);
    expect(reply.files?.map((f) => f.name)).toEqual([CHART_FILE]);
    const shown = [reply, ...(reply.continuation ?? [])]
      .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
      .join('\n');
    expect(shown).not.toContain(CHART_LIST_FILE);
    expect(shown).toContain('(listed at the end)');
  });
});
