/**
 * `chart "<what>"`: the figures the documents state of something, as text or JSON, and the
 * chart's picture written to `--out`. The chart's code is loaded only for this command.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chartJson } from '../render/json.ts';
import { FilterError, readSearchFilters } from '../search/filters.ts';
import { openIndex } from './open.ts';
import { CLI_FILTER_NAMES, type CliCommand } from './options.ts';
import { UsageError } from './usage.ts';

/** `chart "<what>"`: the chart's figures as text or JSON, and its picture written to `--out`. */
export const chartCommand: CliCommand = async (args, values, config) => {
  const what = args.join(' ').trim();
  if (!what)
    throw new UsageError(
      'Usage: npm run cli -- chart "<what>" [--out FILE.png|.svg] [--from DATE] [--to DATE] [--json]',
    );
  const format = values.out === undefined ? null : path.extname(values.out).toLowerCase();
  if (format !== null && format !== '.png' && format !== '.svg')
    throw new UsageError(`--out must name a .png or .svg file, not "${values.out}"`);
  const opened = await openIndex(config, { progress: false });
  let filters: { from?: string; to?: string };
  try {
    const { from, to } = readSearchFilters(
      opened.index.letters,
      { from: values.from, to: values.to },
      CLI_FILTER_NAMES,
    );
    filters = { from, to };
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message);
    throw error;
  }
  // The chart's code (its kinds of count, read and checked when it loads) is loaded only for
  // `chart`: every other command would pay for it.
  const { buildChart } = await import('../chart/chart.ts');
  const { renderChartText } = await import('../render/chart-text.ts');
  const chart = buildChart(opened.index, what, filters);
  let written: string | null = null;
  if (values.out && chart.drawable) {
    const { drawSvg, svgToPng } = await import('../chart/draw.ts');
    const svg = await drawSvg(chart);
    try {
      await writeFile(values.out, format === '.svg' ? svg : await svgToPng(svg));
    } catch (error) {
      console.error(`Could not write ${values.out}: ${(error as Error).message}`);
      return 1;
    }
    written = values.out;
  }
  console.log(
    values.json ? JSON.stringify(chartJson(chart), null, 2) : renderChartText(chart, written),
  );
  // Why is said above, once; stderr says only that no file was written, for a script that waits for one.
  if (values.out && !chart.drawable) console.error(`No chart written to ${values.out}.`);
  return 0;
};
