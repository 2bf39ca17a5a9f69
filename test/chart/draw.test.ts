import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChart, type Chart } from '../../src/chart/chart.ts';
import { chartTitle, drawPng, drawSvg, pointLabel } from '../../src/chart/draw.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { BUILT, CHART_FIXTURES, tempDir } from '../helpers.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let chart: Chart;
beforeAll(async () => {
  const { letters } = await loadCorpus(CHART_FIXTURES);
  chart = buildChart(SearchIndex.build(letters), 'flood victims');
});

/** The text of every `<text>` element the SVG shows (not drawn transparent), entities decoded. */
function shownTexts(svg: string): string[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)]
    .filter((m) => !/opacity="0"/.test(m[1] ?? ''))
    .map((m) => (m[2] ?? '').replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
}

describe('drawSvg', () => {
  it('shows every point with its label (the figure as written and its number) and the title', async () => {
    const texts = shownTexts(await drawSvg(chart));
    const labels = chart.series.flatMap((s) => s.points.map(pointLabel));
    expect(labels).toHaveLength(9);
    for (const label of labels) expect(texts).toContain(label);
    expect(texts).toContain(chartTitle(chart));
    // The fixtures hold a review beside the letters: "documents", as every other reply says.
    expect(chartTitle(chart)).toBe('Flood victims: figures as stated in the documents');
    expect(chartTitle({ ...chart, searched: { ...chart.searched, noun: 'letter' } })).toBe(
      'Flood victims: figures as stated in the letters',
    );
    for (const series of chart.series) expect(texts).toContain(series.name);
  });

  it('says its points are quoted from a document when one is not from a letter, from a letter when all are (user trial 13)', async () => {
    // Point 1 is the review's, the others the letters'.
    expect(await drawSvg(chart)).toContain(
      '<tspan>Each point is a figure quoted from a document, numbered as its passage.</tspan>',
    );
    expect(await drawSvg(chart, 'killed')).toContain(
      '<tspan>Each point is a figure quoted from a letter, numbered as its passage.</tspan>',
    );
  });

  it('draws one series alone when asked', async () => {
    const texts = shownTexts(await drawSvg(chart, 'killed'));
    expect(texts).toContain('12 [5]');
    expect(texts).not.toContain('120 [2]');
  });
});

describe('drawPng', () => {
  it('renders a PNG', async () => {
    const png = await drawPng(chart);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(1000);
  });
});

describe('cli chart', () => {
  const run = promisify(execFile);
  // Within a test, one saved index for both runs: the second loads it instead of building it.
  const env = (cache: string) => ({
    ...process.env,
    CORPUS_DIR: CHART_FIXTURES,
    INDEX_CACHE_DIR: cache,
  });

  it('writes the PNG or the SVG named by --out, and prints the chart as JSON', async () => {
    const dir = await tempDir();
    const cache = await tempDir();
    const png = path.join(dir, 'chart.png');
    const { stdout } = await run(
      process.execPath,
      [BUILT.cli, 'chart', 'flood victims', '--out', png, '--json'],
      { env: env(cache) },
    );
    const json = JSON.parse(stdout);
    expect(json.series.map((s: { name: string }) => s.name)).toEqual([
      'flood victims',
      'killed',
      'wounded or injured',
    ]);
    expect(json.series[0].points[1]).toMatchObject({ ref: 2, value: 120, written: '120' });
    expect(json.leftOut).toHaveLength(6);
    expect((await readFile(png)).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = path.join(dir, 'chart.svg');
    await run(process.execPath, [BUILT.cli, 'chart', 'flood victims', '--out', svg], {
      env: env(cache),
    });
    expect(await readFile(svg, 'utf8')).toContain('180 [3]');
  });

  it('refuses an --out that is no picture, and writes no chart of fewer than two points', async () => {
    const dir = await tempDir();
    const cache = await tempDir();
    const bad = await run(
      process.execPath,
      [BUILT.cli, 'chart', 'flood victims', '--out', path.join(dir, 'chart.gif')],
      { env: env(cache) },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/--out must name a \.png or \.svg file/);
    const png = path.join(dir, 'one.png');
    const { stdout, stderr } = await run(
      process.execPath,
      [BUILT.cli, 'chart', 'sandbags produced', '--out', png],
      { env: env(cache) },
    );
    expect(stdout).toContain('No chart: the documents state only one figure');
    expect(stdout).toContain('More than 30,000 sandbags produced in 2023');
    // Why once, on stdout; stderr names the file not written (user trial 24: the reason twice).
    expect(stderr.trim()).toBe(`No chart written to ${png}.`);
    await expect(stat(png)).rejects.toThrow();
  });
});
