import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { HandlerContext } from '../../commands/context.ts';
import type { InFlight } from '../serving/inflight.ts';
import { answerGatewayInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';

/** Where discord.js should send REST calls; `null` is Discord itself. */
export interface ClientSettings {
  apiUrl: string | null;
  /** Retries of failed REST calls (0 in tests). */
  retries?: number;
  /** Tracks handlers under way, for a graceful shutdown. */
  inflight?: InFlight;
}

/**
 * The discord.js client: the gateway transport. Interactions arrive as Discord's own JSON and go
 * to the handler core; plain DMs and mentions (which only the gateway delivers) are answered
 * like /ask. Intents: guilds, guild messages and DMs — no privileged intent: message content is
 * delivered for DMs and for messages that mention the bot.
 */
export function createClient(ctx: HandlerContext, settings: ClientSettings): Client {
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Channel],
    rest: {
      ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
      ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
    },
    allowedMentions: { parse: [] },
    // The renderer already returns Discord API JSON: skip discord.js's default snake-casing of
    // every key of every embed and button (a measurable share of each reply under load).
    jsonTransformer: (json) => json,
  });
  const track = (work: Promise<void>) =>
    void (settings.inflight ? settings.inflight.track(work) : work);
  client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    if (packet.t === 'INTERACTION_CREATE')
      track(answerGatewayInteraction(packet.d as APIInteraction, ctx, client.rest));
  });
  client.on(Events.MessageCreate, (message) => {
    if (client.user) track(handleMessage(message, ctx, client.user.id));
  });
  client.on(Events.Error, (error) => ctx.logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (_event, shard) =>
    ctx.logger.warn({ shard }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard) => ctx.logger.info({ shard }, 'gateway resumed'));
  return client;
}
