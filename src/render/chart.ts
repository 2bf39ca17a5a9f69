/**
 * How a chart is shown: in Discord (the picture as an attachment in the first embed, the cited
 * passages in that numbering below it, what was left out and why, buttons to switch series or
 * show the passages only) and in a terminal. Within Discord's limits: a long list continues in
 * follow-up messages, never cut.
 */
import {
  type Chart,
  type ChartPoint,
  type ChartSeries,
  type ChartSource,
  type LeftOut,
  MIN_POINTS,
} from '../chart/chart.ts';
import { chartTitle, pointLabel } from '../chart/draw.ts';
import { renderChartText } from './chart-text.ts';
import type { IndexInfo } from '../serving/state.ts';
import type { ButtonScope } from './custom-ids.ts';
import { clip, escapeText, markQuote, splitForEmbeds } from './markdown.ts';
import { button, type Embed, footer, packEmbeds, type Reply, reply, row } from './reply.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { describeSearched } from './wording.ts';
import { countDocuments } from '../corpus/schema.ts';

/** Marks the first embed of a chart with what it counts, so its buttons can read it back. */
export const CHART_MARK = 'Chart: ';
/** The picture's file name, as the embed refers to it (`attachment://chart.png`). */
export const CHART_FILE = 'chart.png';
/** Series that get a button of their own (with "All series", one row of five). */
export const SERIES_BUTTONS = 4;
/** Characters of passages per embed, under Discord's 4,096. */
const EMBED_TEXT = 3800;
/**
 * Messages a chart's reply spans at most, its first and the follow-ups. A chart of a large corpus
 * can list hundreds of passages: posted whole, they would flood the channel (and be posted again
 * at each button press), so past this the whole list goes in a text file attached to the reply.
 */
export const MAX_CHART_MESSAGES = 3;
/** The text file that holds a chart's whole list when its messages cannot. */
export const CHART_LIST_FILE = 'chart-passages.txt';

const BLUE = 0x1f6feb;
const GREY = 0x6e7681;

/** Which view of a chart a reply shows, and what its buttons carry. */
export interface ChartView {
  userId: string;
  scope: ButtonScope;
  /** 0: every series; k: the k-th series alone. */
  series: number;
  /** The passages without the picture. */
  passagesOnly: boolean;
}

/** What a chart counts, read back from its message's first embed; null when it holds none whole. */
export function chartWhatFromEmbeds(
  embeds: readonly { author?: { name?: string } | null }[],
): string | null {
  const name = embeds[0]?.author?.name;
  if (!name?.startsWith(CHART_MARK)) return null;
  const what = name.slice(CHART_MARK.length);
  return what.endsWith('…') ? null : what;
}

/** The series a view shows: all, or the one chosen (none when it no longer exists). */
export function shownSeries(chart: Chart, series: number): ChartSeries[] {
  if (series === 0) return chart.series;
  const one = chart.series[series - 1];
  return one ? [one] : [];
}

/** Whether a view of a chart has enough points to draw (`MIN_POINTS`). */
export function viewDrawable(chart: Chart, series: number): boolean {
  return (
    chart.drawable &&
    shownSeries(chart, series).reduce((n, s) => n + s.points.length, 0) >= MIN_POINTS
  );
}

/** A point's quotes: each source's sentence with the figure in bold, its citation and link. */
function pointEntry(point: ChartPoint): string {
  const when = `${point.dateWritten}${point.dateFrom === 'document' ? ' (the date of the document)' : ''}`;
  const head = `**[${point.ref}] ${escapeText(point.written)}** · ${escapeText(point.series)} · ${escapeText(when)}`;
  return [head, ...point.sources.map(sourceLines)].join('\n');
}

function sourceLines(source: ChartSource): string {
  const quote = markQuote(source.quote, [source.figure]);
  return `> ${quote}\n— ${escapeText(source.citation)}${source.url ? ` · <${source.url}>` : ''}`;
}

function leftOutEntry(item: LeftOut): string {
  return `• **${escapeText(item.written)}** (${escapeText(item.series)}): ${escapeText(item.reason)}.\n${sourceLines(item.source)}`;
}

/** Entries laid into embeds of at most `EMBED_TEXT` characters; an entry longer than that is split visibly. */
function entryEmbeds(title: string, entries: readonly string[], color: number): Embed[] {
  const embeds: Embed[] = [];
  let text = '';
  const flush = () => {
    if (text) embeds.push({ color, description: text });
    text = '';
  };
  for (const entry of entries) {
    const pieces = entry.length > EMBED_TEXT ? splitForEmbeds(entry, EMBED_TEXT) : [entry];
    for (const piece of pieces) {
      if (text && text.length + piece.length + 2 > EMBED_TEXT) flush();
      text = text ? `${text}\n\n${piece}` : piece;
    }
  }
  flush();
  if (embeds[0]) embeds[0].title = clip(title, DISCORD_LIMITS.embedTitle);
  return embeds;
}

/** One line per series: its name and its points' labels. */
function seriesLines(series: readonly ChartSeries[]): string {
  return series
    .map(
      (s) =>
        `**${escapeText(s.name)}**: ${s.points.map((p) => escapeText(pointLabel(p))).join(', ')}`,
    )
    .join('\n');
}

/**
 * `/chart`: the picture (when `png` is given) in the first embed, the passages of its points
 * quoted with their citations in the chart's numbering, then what was left out and why.
 */
export function renderChart(
  chart: Chart,
  png: Buffer | null,
  info: IndexInfo,
  view: ChartView,
): Reply {
  const series = shownSeries(chart, view.series);
  const points = series.flatMap((s) => s.points);
  const count = points.length;
  const letters = new Set(points.flatMap((p) => p.sources.map((s) => s.letterId))).size;
  const searched = describeSearched(chart.searched);
  let summary: string;
  if (!viewDrawable(chart, view.series))
    summary = `**No chart:** ${escapeText(chart.why ?? 'this series has only one figure')}.${count > 0 ? ' The passages that state what there is are below.' : ''}`;
  else
    summary = `${count} figure${count === 1 ? '' : 's'} in ${series.length} series, from ${countDocuments(letters, chart.searched.noun)}. Each numbered point is quoted below with its citation; nothing is added up or drawn between the figures.${view.passagesOnly ? ' (Passages only: press **Show chart** for the picture.)' : ''}`;
  const lines = count > 0 ? `\n\n${seriesLines(series)}` : '';
  const list = [
    ...entryEmbeds('Passages, numbered as on the chart', points.map(pointEntry), BLUE),
    ...entryEmbeds(
      'Left out: figures whose reading is not certain',
      chart.leftOut.map(leftOutEntry),
      GREY,
    ),
  ];
  const firstEmbed = (where: string): Embed => ({
    color: BLUE,
    author: { name: clip(`${CHART_MARK}${chart.what}`, DISCORD_LIMITS.authorName) },
    title: clip(chartTitle(chart), DISCORD_LIMITS.embedTitle),
    description: clip(
      `${summary}${lines}${
        chart.leftOut.length > 0
          ? `\n\n${chart.leftOut.length} figure${chart.leftOut.length === 1 ? '' : 's'} left out (listed ${where}).`
          : ''
      }`,
      DISCORD_LIMITS.embedDescription,
    ),
    ...(png ? { image: { url: `attachment://${CHART_FILE}` } } : {}),
  });
  let first = firstEmbed('at the end');
  let embeds = [first, ...list];
  let listFile: { attachment: Buffer; name: string } | null = null;
  if (packEmbeds(embeds).length > MAX_CHART_MESSAGES) {
    // Too long to post: the messages show the list's start, the file holds all of it.
    first = firstEmbed(`in the attached ${CHART_LIST_FILE}`);
    const note: Embed = {
      color: GREY,
      description: `The list goes on: every passage, numbered as on the chart${chart.leftOut.length > 0 ? ', and every figure left out' : ''}, ${chart.leftOut.length > 0 ? 'are' : 'is'} in the attached **${CHART_LIST_FILE}**.`,
    };
    const shown: Embed[] = [];
    for (const embed of list) {
      if (packEmbeds([first, ...shown, embed, note]).length > MAX_CHART_MESSAGES) break;
      shown.push(embed);
    }
    embeds = [first, ...shown, note];
    listFile = {
      attachment: Buffer.from(renderChartText({ ...chart, series }, null), 'utf8'),
      name: CHART_LIST_FILE,
    };
  }
  const last = embeds.at(-1) as Embed;
  last.footer = { text: `Searched ${searched} · ${footer(info, false).text}` };
  const [group = [], ...rest] = packEmbeds(embeds);
  const resumable = chartWhatFromEmbeds([first]) !== null && chart.series.length > 0;
  const base = { kind: 'chart' as const, userId: view.userId, scope: view.scope };
  const components = resumable
    ? [
        ...(chart.series.length > 1
          ? row(
              button(
                'All series',
                { ...base, series: 0, passagesOnly: view.passagesOnly },
                view.series === 0 ? 1 : 2,
              ),
              ...chart.series
                .slice(0, SERIES_BUTTONS)
                .map((s, i) =>
                  button(
                    `Only: ${s.name}`,
                    { ...base, series: i + 1, passagesOnly: view.passagesOnly },
                    view.series === i + 1 ? 1 : 2,
                  ),
                ),
            )
          : []),
        ...(viewDrawable(chart, view.series)
          ? row(
              view.passagesOnly
                ? button('Show chart', { ...base, series: view.series, passagesOnly: false }, 1)
                : button('Passages only', { ...base, series: view.series, passagesOnly: true }),
            )
          : []),
      ]
    : [];
  return reply({
    embeds: group,
    components,
    files: [
      ...(png ? [{ attachment: png, name: CHART_FILE }] : []),
      ...(listFile ? [listFile] : []),
    ],
    continuation: rest.map((g) => reply({ embeds: g, components: [] })),
  });
}
