/**
 * The HTTP half of `npm run load`: start an interactions endpoint (`npm run serve`, or the
 * minimal one it is measured against) on a free loopback port, and POST signed interactions to
 * it the way Discord does, over up to one keep-alive connection per user.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';

/** An Ed25519 key pair; the public key as the Developer Portal shows it (hex). */
export function keyPair(): { privateKey: KeyObject; hex: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { privateKey, hex };
}

/** A port nobody listens on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An endpoint process under load. */
export interface Endpoint {
  port: number;
  /** The processes that answer (a cluster's primary and its workers), for their CPU time. */
  pids: number[];
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node script` with `env` plus a free `PORT`, and resolves once `workers` distinct
 * processes answer `GET /healthz` (or, with no health check, once it prints a line).
 */
export async function startEndpoint(
  script: string,
  env: Record<string, string>,
  workers: number | null,
): Promise<Endpoint> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const pids = new Set<number>([child.pid as number]);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${script} did not start:\n${output}`);
    if (workers === null && output.length > 0) break;
    if (workers !== null) {
      const health = await get(port, '/healthz').catch(() => null);
      const worker = (health as { worker?: number } | null)?.worker;
      if (worker) pids.add(worker);
      if (pids.size > workers) break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    pids: [...pids],
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** GET over a fresh connection (so a cluster may hand it to any worker); the JSON body. */
function get(port: number, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { connection: 'close' }, timeout: 2_000 },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** An interaction signed as Discord signs it, ready to send. */
export interface Signed {
  id: string;
  body: Buffer;
  headers: Record<string, string>;
}

/** Signs each interaction with `privateKey` and the current time. */
export function signAll(privateKey: KeyObject, payloads: readonly { id: string }[]): Signed[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return payloads.map((payload) => {
    const body = Buffer.from(JSON.stringify(payload));
    return {
      id: payload.id,
      body,
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-signature-timestamp': timestamp,
        'x-signature-ed25519': sign(
          null,
          Buffer.concat([Buffer.from(timestamp), body]),
          privateKey,
        ).toString('hex'),
      },
    };
  });
}

/** How an interaction response that is a message (type 4) starts, as both endpoints write it. */
const ANSWER = '{"type":4,';

/** What came back for the interactions sent: answers (type 4) by id, and what was lost. */
export interface Tally {
  answers: Map<string, number>;
  lost: number;
}

/**
 * A client that POSTs signed interactions to `/interactions` over at most `connections`
 * keep-alive connections; each send resolves with the ms until the whole response arrived.
 */
export function interactionsClient(port: number, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const tally: Tally = { answers: new Map(), lost: 0 };
  const send = (signed: Signed): Promise<number> =>
    new Promise((resolve) => {
      const start = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/interactions',
          method: 'POST',
          agent,
          headers: signed.headers,
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => {
            const ms = performance.now() - start;
            // A message (type 4), read from the start of the body: parsing a whole answer
            // would cost this client more than the minimal endpoint's one-line reply does.
            const message = Buffer.concat(chunks).subarray(0, 16).toString().startsWith(ANSWER);
            if (res.statusCode === 200 && message)
              tally.answers.set(signed.id, (tally.answers.get(signed.id) ?? 0) + 1);
            else tally.lost += 1;
            resolve(ms);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        tally.lost += 1;
        resolve(performance.now() - start);
      });
      req.end(signed.body);
    });
  return { send, tally, close: () => agent.destroy() };
}
