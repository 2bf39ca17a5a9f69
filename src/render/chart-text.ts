/** A chart in a terminal (`npm run cli -- chart`): no Discord here, so the CLI loads none of it. */
import type { Chart } from '../chart/chart.ts';
import { chartTitle } from '../chart/draw.ts';
import { describeSearched } from './wording.ts';

/** A chart for a terminal: the series, then the passages in the chart's numbering, then what was left out. */
export function renderChartText(chart: Chart, written: string | null): string {
  const out: string[] = [chartTitle(chart), `Searched ${describeSearched(chart.searched)}.`, ''];
  if (!chart.drawable) out.push(`No chart: ${chart.why ?? 'nothing to draw'}.`, '');
  for (const s of chart.series) {
    out.push(s.name);
    for (const p of s.points)
      out.push(
        `  ${`[${p.ref}]`.padEnd(5)} ${p.written.padEnd(16)} ${p.dateWritten.padEnd(22)} ${p.sources.map((x) => `${x.document}, passage ${x.passage}`).join('; ')}`,
      );
    out.push('');
  }
  const points = chart.series.flatMap((s) => s.points);
  if (points.length > 0) {
    out.push('Passages, numbered as on the chart:', '');
    for (const p of points) {
      out.push(
        `[${p.ref}] ${p.written} (${p.series}, ${p.dateWritten}${p.dateFrom === 'document' ? ', the date of the document' : ''})`,
      );
      for (const source of p.sources) out.push(`    "${source.quote}"`, `    ${source.citation}`);
      out.push('');
    }
  }
  if (chart.leftOut.length > 0) {
    out.push('Left out (not certain):', '');
    for (const item of chart.leftOut)
      out.push(
        `- ${item.written} (${item.series}): ${item.reason}.`,
        `    "${item.source.quote}"`,
        `    ${item.source.citation}`,
        '',
      );
  }
  if (written) out.push(`Chart written to ${written}.`);
  return out.join('\n').trimEnd();
}
