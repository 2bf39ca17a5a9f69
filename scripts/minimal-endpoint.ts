/**
 * The floor `npm run load` measures the HTTP transport against: a signed interactions endpoint
 * that does nothing else. node:http, the same signature check as `npm run serve` (before
 * anything else), then one fixed answer. No corpus, no handler, no logging.
 * `PORT=… DISCORD_PUBLIC_KEY=… node dist/scripts/minimal-endpoint.mjs`
 */
import { createServer } from 'node:http';
import { publicKeyFromHex, verifyRequest } from '../src/http/verify.ts';

const key = publicKeyFromHex(process.env.DISCORD_PUBLIC_KEY ?? '');
const answer = JSON.stringify({
  type: 4,
  data: { content: 'ok', allowed_mentions: { parse: [] } },
});
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const verdict = verifyRequest(
      key,
      header(req.headers['x-signature-ed25519']),
      header(req.headers['x-signature-timestamp']),
      Buffer.concat(chunks),
    );
    const body = verdict === 'ok' ? answer : '{"error":"invalid request signature"}';
    res.writeHead(verdict === 'ok' ? 200 : 401, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
