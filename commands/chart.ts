import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { buildChart, type Chart } from '../src/chart/chart.ts';
import { drawPng } from '../src/chart/draw.ts';
import {
  type ChartView,
  chartWhatFromEmbeds,
  renderChart,
  shownSeries,
  viewDrawable,
} from '../src/render/chart.ts';
import type { Reply } from '../src/render/discord.ts';
import { NOTHING_TO_QUOTE } from '../src/render/wording.ts';
import type { HandlerContext } from './context.ts';
import { UserFacingError } from './errors.ts';
import { requiredString, userIdOf } from './interaction.ts';
import { questionText } from './message-text.ts';
import { dateOption, EVERYWHERE, readFilters } from './options.ts';
import { staleButton } from './stale.ts';
import type { SlashCommand } from './types.ts';

/** The longest `what` a chart takes: a few words name a thing counted. */
const WHAT_MAX_LENGTH = 100;

/** The reply for a view of the chart of `what`: drawn when it has enough points and the view shows the picture. */
async function chartReply(
  ctx: HandlerContext,
  what: string,
  filters: { from?: string; to?: string },
  view: ChartView,
): Promise<Reply> {
  const chart: Chart = buildChart(ctx.state.index, what, filters);
  const only = view.series === 0 ? null : (shownSeries(chart, view.series)[0]?.name ?? null);
  const png =
    !view.passagesOnly && viewDrawable(chart, view.series) ? await drawPng(chart, only) : null;
  return renderChart(chart, png, ctx.state.info(), view);
}

export const chart: SlashCommand = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'chart',
    description:
      'A chart of the figures the documents state of something, each point quoted and cited',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'what',
        description: 'What is counted: "mine victims", "landmines detected", "people killed"',
        required: true,
        max_length: WHAT_MAX_LENGTH,
      },
      dateOption('from'),
      dateOption('to'),
    ],
    ...EVERYWHERE,
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute(interaction, ctx) {
    const what = questionText(requiredString(interaction, 'what'));
    if (!/[\p{L}]/u.test(what))
      throw new UserFacingError('Say what to count in words, for example `mine victims`.');
    if (ctx.state.index.size === 0) throw new UserFacingError(NOTHING_TO_QUOTE);
    const { filters, scope } = readFilters(interaction, ctx);
    const { from, to } = filters;
    const view: ChartView = {
      userId: userIdOf(interaction),
      scope,
      series: 0,
      passagesOnly: false,
    };
    // Drawing takes a moment the first time: "thinking…" now, the chart when drawn.
    return {
      type: 'deferred',
      ephemeral: false,
      complete: () => chartReply(ctx, what, { from, to }, view),
    };
  },
  buttons: {
    /** "All series", "Only: …", "Passages only", "Show chart": the same chart, in place. */
    chart(action, interaction, ctx) {
      const what = chartWhatFromEmbeds(interaction.message.embeds);
      if (!what) return staleButton();
      const view: ChartView = {
        userId: action.userId,
        scope: action.scope,
        series: action.series,
        passagesOnly: action.passagesOnly,
      };
      const filters = { from: action.scope.from ?? undefined, to: action.scope.to ?? undefined };
      return {
        type: 'deferred',
        ephemeral: false,
        update: true,
        complete: () => chartReply(ctx, what, filters, view),
      };
    },
  },
};
