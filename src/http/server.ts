/**
 * The HTTP transport: Discord POSTs each interaction, signed, to `/interactions`. The signature
 * is checked first; then the handler core answers, inside the HTTP response when it can. A
 * reply with a file, or one that takes time, is answered "thinking…" (deferred) and completed
 * through the interaction's webhook. `GET /healthz` tells a load balancer what is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import {
  type APIInteraction,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { HandlerContext } from '../../commands/context.ts';
import { describeInteraction, handleInteraction } from '../../commands/index.ts';
import { deferredResponse, responseOf } from '../../commands/outcome.ts';
import type { Outcome } from '../../commands/types.ts';
import type { InFlight } from '../serving/inflight.ts';
import { completeOutcome } from '../transport/deliver.ts';
import { verifyRequest } from './verify.ts';

/** Bodies larger than this are refused (413): no interaction comes near it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Interaction types the core answers; others are refused (400). */
const HANDLED: ReadonlySet<number> = new Set([
  InteractionType.ApplicationCommand,
  InteractionType.MessageComponent,
  InteractionType.ApplicationCommandAutocomplete,
]);

export interface InteractionServerOptions {
  publicKey: KeyObject;
  ctx: HandlerContext;
  /** For follow-ups and edits through the interaction's webhook (no token needed). */
  rest: REST;
  logger: Logger;
  inflight: InFlight;
  /** What `/healthz` reports. */
  health: () => Record<string, unknown>;
  /** Stands in for the clock (tests). */
  now?: () => number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

/** The request body, or an `HttpError` 413 past `MAX_BODY_BYTES`. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new HttpError(413, 'body too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new HttpError(413, 'body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a verified body: an interaction with what every one carries, or an `HttpError` 400. */
function parseInteraction(body: Buffer): APIInteraction | { type: InteractionType.Ping } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed JSON');
  }
  const i = value as Partial<Record<string, unknown>> | null;
  if (typeof i !== 'object' || i === null || typeof i.type !== 'number')
    throw new HttpError(400, 'not an interaction');
  if (i.type === InteractionType.Ping) return { type: InteractionType.Ping };
  if (!HANDLED.has(i.type)) throw new HttpError(400, `unknown interaction type ${i.type}`);
  const data = i.data as Partial<Record<string, unknown>> | undefined;
  const user = (i.member as { user?: { id?: unknown } } | undefined)?.user ?? i.user;
  if (
    typeof i.id !== 'string' ||
    typeof i.token !== 'string' ||
    typeof i.application_id !== 'string' ||
    typeof data !== 'object' ||
    data === null ||
    typeof (user as { id?: unknown } | undefined)?.id !== 'string'
  )
    throw new HttpError(400, 'interaction lacks id, token, application_id, data or user');
  return value as APIInteraction;
}

/** The HTTP response for an outcome, and what is left to send through the webhook after it. */
function split(outcome: Outcome): { body: unknown; later: Outcome | null } {
  const { body, files } = responseOf(outcome);
  if (files.length === 0) return { body, later: outcome.type === 'choices' ? null : outcome };
  // A file cannot travel in the HTTP response: "thinking…" now, the file through the webhook.
  const reply = outcome.type === 'reply' || outcome.type === 'update' ? outcome.reply : null;
  if (!reply) return { body, later: outcome };
  return {
    body: deferredResponse(reply.ephemeral ?? false),
    later: { type: 'deferred', ephemeral: reply.ephemeral ?? false, complete: async () => reply },
  };
}

/** Makes the server (not listening yet). */
export function createInteractionServer(options: InteractionServerOptions): Server {
  const { publicKey, ctx, rest, logger, inflight } = options;
  const now = options.now ?? Date.now;

  /** Logs a request refused with a 4xx: its status and why, never its body. */
  function refused(req: IncomingMessage, status: number, reason: string): void {
    logger.warn(
      {
        status,
        reason,
        method: req.method,
        path: (req.url ?? '/').split('?')[0]?.slice(0, 100),
        ip: req.socket.remoteAddress,
      },
      'request refused',
    );
  }

  /** Refuses a request with a 4xx, saying why in the body and the log. */
  function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
    refused(req, status, reason);
    send(res, status, { error: reason });
  }

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const verdict = verifyRequest(
      publicKey,
      header(req, 'x-signature-ed25519'),
      header(req, 'x-signature-timestamp'),
      body,
      now(),
    );
    if (verdict !== 'ok') {
      refused(req, 401, `bad signature (${verdict})`);
      return send(res, 401, { error: 'invalid request signature' });
    }
    const interaction = parseInteraction(body);
    if (interaction.type === InteractionType.Ping)
      return send(res, 200, { type: InteractionResponseType.Pong });
    const outcome = await handleInteraction(interaction, ctx);
    const { body: response, later } = split(outcome);
    send(res, 200, response);
    if (!later) return;
    await completeOutcome(rest, interaction, later).catch((error: unknown) =>
      logger.error(
        { err: error, what: describeInteraction(interaction), stage: 'follow-up' },
        'interaction failed',
      ),
    );
  }

  return createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const work = (async () => {
      try {
        if (url === '/interactions' && req.method === 'POST') return await interactions(req, res);
        if (url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD'))
          return send(res, 200, options.health());
        if (url === '/interactions' || url === '/healthz')
          return refuse(req, res, 405, 'method not allowed');
        return refuse(req, res, 404, 'not found');
      } catch (error) {
        if (error instanceof HttpError) {
          if (!res.headersSent) refuse(req, res, error.status, error.message);
          if (error.status === 413) req.resume();
          return;
        }
        logger.error({ err: error }, 'request failed');
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
      }
    })();
    void inflight.track(work);
  });
}
