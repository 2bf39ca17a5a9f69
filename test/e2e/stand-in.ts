/**
 * A small stand-in for Discord on 127.0.0.1: an HTTP server for the REST API and a WebSocket
 * server for the gateway. Tests dispatch gateway events and read the REST calls the bot makes.
 * It enforces Discord's message limits (400 past them), and tests can script failures.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { checkDiscordLimits } from '../../src/render/limits.ts';

export const BOT_ID = '100000000000000001';
export const APP_ID = '100000000000000002';

/** One REST call the bot made. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: IncomingMessage['headers'];
  /** `performance.now()` when the request arrived (before its body was read). */
  receivedAt: number;
}

/** A scripted answer for the next call matching `match`. */
export interface Fault {
  match: (call: Call) => boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** How many calls to answer this way (default 1). */
  times?: number;
}

function parseBody(raw: Buffer, type: string | undefined): unknown {
  if (raw.length === 0) return null;
  if (type?.startsWith('multipart/form-data')) {
    const text = raw.toString('latin1');
    const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
    const files = [...text.matchAll(/filename="([^"]+)"/g)].map((f) => f[1]);
    const payload = m?.[1] ? JSON.parse(Buffer.from(m[1], 'latin1').toString('utf8')) : {};
    return { ...payload, __files: files };
  }
  return JSON.parse(raw.toString('utf8'));
}

let snowflake = 200000000000000000n;
/** A fresh numeric snowflake. */
export function nextId(): string {
  snowflake += 1n;
  return snowflake.toString();
}

/** A message object as Discord returns it. */
export function messageObject(
  channelId: string,
  body: Record<string, unknown> = {},
  author = { id: BOT_ID, username: 'Annex', bot: true },
) {
  return {
    id: nextId(),
    channel_id: channelId,
    author: { discriminator: '0', avatar: null, global_name: null, ...author },
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...body,
  };
}

export class DiscordStandIn {
  readonly calls: Call[] = [];
  /** The calls to each interaction's callback, by interaction id. */
  private byInteraction = new Map<string, Call[]>();
  readonly faults: Fault[] = [];
  private http!: Server;
  private gateway!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  /** The shard each socket identified as (`[id, count]`). */
  readonly shardOf = new Map<WebSocket, [number, number]>();
  private seq = 0;
  private waiters: { match: (c: Call) => boolean; resolve: (c: Call) => void }[] = [];
  /** Waiters for one interaction's first callback, by interaction id (fast under load). */
  private callbackWaiters = new Map<string, (c: Call) => void>();
  identifies = 0;
  /** RESUMEs received (op 6): a client that reconnected and resumed its session. */
  resumes = 0;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new WebSocketServer({ server: this.http });
    this.gateway.on('connection', (socket) => this.onSocket(socket));
    this.http.listen(0, '127.0.0.1');
    await once(this.http, 'listening');
    this.port = (this.http.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45000 }, s: null, t: null }));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.identifies += 1;
        const shard = (frame.d as { shard?: [number, number] }).shard;
        if (shard) this.shardOf.set(socket, shard);
        this.seq = 0;
        this.send(socket, 'READY', {
          v: 10,
          user: { id: BOT_ID, username: 'Annex', discriminator: '0', bot: true, avatar: null },
          application: { id: APP_ID, flags: 0 },
          session_id: `session-${this.identifies}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          guilds: [],
        });
      }
      if (frame.op === 6) {
        this.resumes += 1;
        this.send(socket, 'RESUMED', {});
      }
    });
  }

  private send(socket: WebSocket, t: string, d: unknown): void {
    this.seq += 1;
    socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Sends a gateway event to the client that identified as shard `id` only. */
  dispatchToShard(id: number, t: string, d: unknown): void {
    for (const [socket, [shard]] of this.shardOf)
      if (shard === id && this.sockets.has(socket)) this.send(socket, t, d);
  }

  /** The shards that identified, as `[id, count]`. */
  get shards(): [number, number][] {
    return [...this.shardOf.values()];
  }

  /** Sends a gateway event to every connected client. */
  dispatch(t: string, d: unknown): void {
    for (const socket of this.sockets) this.send(socket, t, d);
  }

  /** Closes every gateway connection (the bot should reconnect). `code` 4000 allows a resume. */
  dropGateway(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'stand-in drop');
  }

  /** Sends op 9 (invalid session) to every client, so it identifies again. */
  invalidateSession(): void {
    for (const socket of this.sockets)
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
  }

  /** Resolves with the first call (already made or to come) that matches. */
  waitFor(match: (c: Call) => boolean, timeoutMs = 5000): Promise<Call> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('stand-in: no matching call in time')),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /** Resolves with the first callback of interaction `id` (made already or to come). */
  waitForCallback(id: string, timeoutMs = 30_000): Promise<Call> {
    const seen = this.callbacks(id)[0];
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`stand-in: no callback for ${id} in time`)),
        timeoutMs,
      );
      this.callbackWaiters.set(id, (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  }

  /** Calls to the callback of interaction `id`. */
  callbacks(id: string): Call[] {
    return this.byInteraction.get(id) ?? [];
  }

  /** Forgets the calls recorded so far (long load runs). */
  clearCalls(): void {
    this.calls.length = 0;
    this.byInteraction.clear();
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const call: Call = {
      method: req.method ?? 'GET',
      path,
      body: parseBody(Buffer.concat(chunks), req.headers['content-type']),
      headers: req.headers,
      receivedAt,
    };
    this.calls.push(call);
    const interaction = /^\/api\/v10\/interactions\/(\d+)\//.exec(path)?.[1];
    if (interaction) {
      const calls = this.byInteraction.get(interaction);
      if (calls) calls.push(call);
      else this.byInteraction.set(interaction, [call]);
    }
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(
        status,
        body === null ? headers : { 'content-type': 'application/json', ...headers },
      );
      res.end(body === null ? '' : JSON.stringify(body));
      const waiter = interaction ? this.callbackWaiters.get(interaction) : undefined;
      if (interaction && waiter) {
        this.callbackWaiters.delete(interaction);
        waiter(call);
      }
      for (const w of this.waiters.splice(0)) {
        if (w.match(call)) w.resolve(call);
        else this.waiters.push(w);
      }
    };
    const fault = this.faults.find((f) => f.match(call));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return answer(fault.status, fault.body, fault.headers);
    }
    const body = (call.body ?? {}) as Record<string, unknown>;
    const payload = (
      call.method === 'POST' && path.endsWith('/callback') ? (body.data ?? {}) : body
    ) as Parameters<typeof checkDiscordLimits>[0];
    const problems = checkDiscordLimits(payload ?? {});
    if (problems.length > 0)
      return answer(400, { code: 50035, message: `Invalid Form Body: ${problems.join('; ')}` });
    if (path === '/api/v10/gateway/bot') {
      return answer(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 86400000,
          max_concurrency: 16,
        },
      });
    }
    if (/^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return answer(204, null);
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(?:\/messages\/@original)?$/.test(path)) {
      return answer(200, messageObject('300000000000000001', body));
    }
    const channelMessage = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (channelMessage) return answer(200, messageObject(channelMessage[1] ?? '', body));
    if (
      /^\/api\/v10\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path) &&
      call.method === 'PUT'
    ) {
      return answer(
        200,
        (call.body as Record<string, unknown>[]).map((c) => ({
          ...c,
          id: nextId(),
          application_id: APP_ID,
          version: '1',
        })),
      );
    }
    return answer(404, { code: 0, message: `stand-in: no route for ${call.method} ${path}` });
  }
}
