import { createRequire } from 'node:module';
import path from 'node:path';
import type { LabelAnchor, Mark, Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { isLetter } from '../corpus/schema.ts';
import type { Chart } from './chart.ts';

/**
 * Drawing a chart with maintained libraries, never by hand: a Vega-Lite spec, compiled to Vega,
 * rendered to SVG by Vega's own renderer in Node (no browser, no canvas), then to PNG by resvg
 * with a font that ships as an npm package, so the picture is the same on every machine. The
 * libraries load on first use: a CLI call that draws nothing does not pay for them.
 */

/** How the picture looks: an opaque light card, readable on Discord's light and dark themes. */
export const CHART_STYLE = {
  width: 640,
  height: 300,
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  grid: '#d1d9e0',
  /** Colour-blind-safe (Okabe–Ito), dark enough for text on white. */
  colors: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#444444'],
  shapes: ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'cross', 'circle'],
  font: 'Inter',
  /** PNG pixels per SVG pixel: sharp on high-density screens, still small. */
  pngScale: 1.5,
} as const;

/**
 * The title a chart carries: what is counted, and that the figures are the documents' own
 * ("in the letters" only while every document searched is one, as every reply says it).
 */
export function chartTitle(chart: Pick<Chart, 'what' | 'searched'>): string {
  const what = chart.what.charAt(0).toUpperCase() + chart.what.slice(1);
  return `${what}: figures as stated in the ${chart.searched.noun}s`;
}

/** A point's label on the chart: the figure as written, and its number in the list of passages. */
export function pointLabel(point: { written: string; ref: number }): string {
  return `${point.written} [${point.ref}]`;
}

/**
 * What a chart's points are quoted from, as its subtitle says: "a letter" while every point
 * drawn is from one (a UN letter or note verbale), else "a document".
 */
export function quotedFrom(series: Chart['series']): string {
  const fromLetters = series.every((s) =>
    s.points.every((p) => p.sources.every((source) => isLetter(source))),
  );
  return fromLetters ? 'a letter' : 'a document';
}

/** The Vega-Lite spec of a chart: one colour and shape per series, every point labelled. */
export function chartSpec(chart: Chart, only: string | null = null): TopLevelSpec {
  const S = CHART_STYLE;
  const series = chart.series.filter((s) => only === null || s.name === only);
  const names = series.map((s) => s.name);
  const values = series.flatMap((s) =>
    s.points.map((p) => ({
      series: s.name,
      date: p.date,
      value: p.value,
      label: pointLabel(p),
    })),
  );
  const index = (name: string) => chart.series.findIndex((s) => s.name === name);
  const encoding = {
    x: {
      field: 'date',
      type: 'temporal' as const,
      title: 'Date the figure holds for',
      axis: { format: '%b %Y', labelAngle: 0, tickCount: 6 },
      scale: { padding: 24 },
    },
    y: {
      field: 'value',
      type: 'quantitative' as const,
      title: 'Number as stated',
      scale: { zero: true, nice: true },
      axis: { format: ',d' },
    },
    color: {
      field: 'series',
      type: 'nominal' as const,
      title: null,
      scale: {
        domain: names,
        range: names.map((n) => S.colors[index(n) % S.colors.length] ?? S.text),
      },
      legend: { orient: 'bottom' as const, direction: 'horizontal' as const },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: S.width,
    height: S.height,
    background: S.background,
    padding: 16,
    title: {
      text: chartTitle(chart),
      subtitle: [
        `Each point is a figure quoted from ${quotedFrom(series)}, numbered as its passage.`,
        'Nothing is added up, and nothing is drawn between the points.',
      ],
      anchor: 'start',
      fontSize: 17,
      subtitleFontSize: 12,
      color: S.text,
      subtitleColor: S.muted,
      offset: 14,
    },
    data: { values },
    mark: { type: 'point', filled: true, size: 110, opacity: 1 },
    encoding: {
      ...encoding,
      shape: {
        field: 'series',
        type: 'nominal',
        scale: {
          domain: names,
          range: names.map((n) => S.shapes[index(n) % S.shapes.length] ?? 'circle'),
        },
      },
    },
    config: {
      font: S.font,
      view: { stroke: S.grid },
      axis: {
        labelColor: S.text,
        titleColor: S.text,
        gridColor: S.grid,
        domainColor: S.muted,
        tickColor: S.muted,
        labelFontSize: 12,
        titleFontSize: 12,
        titleFontWeight: 600,
      },
      legend: {
        labelColor: S.text,
        labelFontSize: 13,
        labelLimit: 0,
        symbolSize: 110,
        columnPadding: 18,
      },
    },
  };
}

const require = createRequire(import.meta.url);

/** The font files resvg draws with (Inter, from the npm package): no system font needed. */
export function fontFiles(): string[] {
  const dir = path.dirname(require.resolve('@expo-google-fonts/inter/package.json'));
  return ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf'].map((f) =>
    path.join(dir, f),
  );
}

/** The chart as SVG, drawn by Vega's SVG renderer (no browser, no canvas). */
export async function drawSvg(chart: Chart, only: string | null = null): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(chartSpec(chart, only)).spec;
  const render = async (spec: VegaSpec, check: boolean): Promise<string | null> => {
    const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.Error });
    try {
      await view.runAsync();
      // Every point keeps its label: where the placement hides one, labels go beside the points.
      if (check && hiddenLabels((view.scenegraph() as unknown as { root: SceneNode }).root))
        return null;
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
  return (
    (await render(withPointLabels(compiled, true), true)) ??
    ((await render(withPointLabels(compiled, false), false)) as string)
  );
}

interface SceneNode {
  name?: string;
  opacity?: number;
  items?: SceneNode[];
}

/** Whether the label placement left a point's label out (drawn with opacity 0). */
function hiddenLabels(node: SceneNode): boolean {
  if (node.name === 'point_labels') return (node.items ?? []).some((i) => i.opacity === 0);
  return (node.items ?? []).some((i) => hiddenLabels(i));
}

/** Where a point's label may go, in order of preference (Vega's label transform). */
const LABEL_ANCHORS: LabelAnchor[] = [
  'right',
  'top-right',
  'bottom-right',
  'top',
  'bottom',
  'left',
  'top-left',
  'bottom-left',
];
/** Pixels between a point and its label; then further off, where the near places are taken. */
const LABEL_OFFSET = 7;
const FAR_OFFSET = 20;

/**
 * The compiled Vega spec with every point labelled. `placed`: by Vega's label transform, which
 * puts each label where it overlaps no other label and no point (Vega-Lite has no such placement
 * of its own); else right beside each point, for the rare chart where that placement would
 * rather hide a label than crowd it.
 */
function withPointLabels(spec: VegaSpec, placed: boolean): VegaSpec {
  const points = (spec.marks ?? []).find((m) => m.type === 'symbol');
  if (!points?.name) return spec;
  const S = CHART_STYLE;
  const update = (points.encode?.update ?? {}) as Record<string, unknown>;
  // From the data, not from the symbols: the label transform then avoids every point's centre
  // without the canvas that avoiding whole marks would need.
  const labels = {
    type: 'text',
    name: 'point_labels',
    from: points.from,
    encode: {
      enter: {
        x: update.x,
        y: update.y,
        text: { field: 'label' },
        fill: { scale: 'color', field: 'series' },
        font: { value: S.font },
        fontSize: { value: 12 },
        fontWeight: { value: 600 },
        ...(placed
          ? {}
          : {
              align: { value: 'left' },
              baseline: { value: 'middle' },
              dx: { value: LABEL_OFFSET },
            }),
      },
    },
    transform: placed
      ? [
          {
            type: 'label',
            size: { signal: '[width, height]' },
            anchor: [...LABEL_ANCHORS, ...LABEL_ANCHORS],
            offset: [
              ...LABEL_ANCHORS.map(() => LABEL_OFFSET),
              ...LABEL_ANCHORS.map(() => FAR_OFFSET),
            ],
          },
        ]
      : [],
  } as Mark;
  return { ...spec, marks: [...(spec.marks ?? []), labels] };
}

/** The chart as PNG: the SVG rendered by resvg with the fonts of `fontFiles`. */
export async function drawPng(chart: Chart, only: string | null = null): Promise<Buffer> {
  const svg = await drawSvg(chart, only);
  return svgToPng(svg);
}

/** Renders an SVG to PNG with resvg, at `CHART_STYLE.pngScale`. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_STYLE.font },
    fitTo: { mode: 'zoom', value: CHART_STYLE.pngScale },
  });
  return resvg.render().asPng();
}
