import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../helpers.ts';
import type { Wire } from '../e2e/harness.ts';
import { messageOf } from '../e2e/harness.ts';
import {
  autocomplete,
  buttonPress,
  checkMessage,
  MEMBER_PERMISSIONS,
  ADMINISTRATOR_PERMISSIONS,
  MODERATOR_PERMISSIONS,
  slash,
  USER,
} from '../e2e/payloads.ts';
import { useStandIn } from '../e2e/processes.ts';
import { decodeButton } from '../../src/render/custom-ids.ts';
import { type Endpoint, keyPair, signedHeaders, startEndpoint } from './endpoint.ts';

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const discord = useStandIn();
let endpoint: Endpoint;
beforeAll(async () => {
  endpoint = await startEndpoint(discord());
});
afterAll(() => endpoint.stop());

const ask = (question: string) =>
  slash('ask', [{ name: 'question', type: STRING, value: question }]);
/** The message of a type-4 or type-7 response. */
const messageIn = (body: unknown): Wire => {
  const { data } = body as { data: Wire };
  return { embeds: [], components: [], ...data };
};
const customIds = (message: Wire): string[] =>
  (message.components as Wire[]).flatMap((row) =>
    (row.components as Wire[]).map((c) => c.custom_id),
  );

describe('POST /interactions: the handler core over HTTP', () => {
  it('answers a PING with a PONG', async () => {
    expect(await endpoint.post({ type: 1 })).toEqual({ status: 200, body: { type: 1 } });
  });

  it('/ask: a type-4 reply in the HTTP response, quoting and citing, pinging no one', async () => {
    const { status, body } = await endpoint.post(
      ask('How many mine victims were there by September 2023?'),
    );
    expect(status).toBe(200);
    expect((body as { type: number }).type).toBe(4);
    const message = messageIn(body);
    expect(message.embeds[0].description).toMatch(/314/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('a button made by one answer pages it in place (type 7), whichever process answers', async () => {
    const first = messageIn((await endpoint.post(ask('mine victims killed'))).body);
    const more = customIds(first).find((id) => id.startsWith('annex:a:'));
    expect(more).toBeDefined();
    const { body } = await endpoint.post(buttonPress(more as string, first));
    expect((body as { type: number }).type).toBe(7);
    expect(
      messageIn(body).embeds[0].footer?.text ?? messageIn(body).embeds.at(-1).footer.text,
    ).toMatch(/^4–/);
  });

  it.each([
    ['search', [{ name: 'query', type: STRING, value: 'Lachin' }], /\*\*1\.\*\*/],
    [
      'quote',
      [
        { name: 'letter', type: STRING, value: SEED.lachin },
        { name: 'passage', type: INTEGER, value: 5 },
        { name: 'context', type: BOOLEAN, value: true },
      ],
      /3-001M/,
    ],
    ['letters', [], /A\/76\/930/],
    ['cite', [{ name: 'letter', type: STRING, value: SEED.khojavand }], /A\/78\/368/],
    ['help', [], /no AI model/],
  ])('/%s: a type-4 reply', async (name, options, expected) => {
    const { status, body } = await endpoint.post(slash(name, options as never));
    expect(status).toBe(200);
    expect((body as { type: number }).type).toBe(4);
    expect(JSON.stringify(messageIn(body).embeds)).toMatch(expected);
  });

  it('autocomplete: a type-8 answer', async () => {
    const { body } = await endpoint.post(
      autocomplete('quote', [{ name: 'letter', type: STRING, value: '2022', focused: true }]),
    );
    expect(body).toMatchObject({ type: 8, data: { choices: [{ value: SEED.lachin }] } });
  });

  it('the message command: a private verdict', async () => {
    const { body } = await endpoint.post(checkMessage('there is neither marking nor fencing'));
    expect((body as { type: number }).type).toBe(4);
    expect(messageIn(body).flags).toBe(64);
    expect(JSON.stringify(messageIn(body).embeds)).toMatch(/verbatim/i);
  });

  it('/letter: "thinking…" at once, then the file through the webhook (deferred, then an edit)', async () => {
    const payload = slash('letter', [{ name: 'letter', type: STRING, value: SEED.lachin }]);
    const { body } = await endpoint.post(payload);
    expect(body).toEqual({ type: 5, data: {} });
    const edit = await discord().waitFor(
      (c) =>
        c.method === 'PATCH' &&
        c.path.includes(`/webhooks/${payload.application_id}/${payload.token}/messages/`),
    );
    const message = messageOf(edit);
    expect(message.__files).toEqual([`${SEED.lachin}.txt`]);
    expect(message.attachments).toEqual([{ id: '0', filename: `${SEED.lachin}.txt` }]);
    expect(message.embeds[0].title).toMatch(/Letter dated 24 August 2022/);
  });

  it('/chart: "thinking…", then the PNG through the webhook; its buttons edit the same message in place', async () => {
    const payload = slash('chart', [{ name: 'what', type: STRING, value: 'mine victims' }]);
    const { body } = await endpoint.post(payload);
    expect(body).toEqual({ type: 5, data: {} });
    const onWebhook = (token: string) => (c: { method: string; path: string }) =>
      c.method === 'PATCH' &&
      c.path.includes(`/webhooks/${payload.application_id}/${token}/messages/@original`);
    const chart = messageOf(await discord().waitFor(onWebhook(payload.token), 15_000));
    expect(chart.__files).toEqual(['chart.png']);
    expect(chart.attachments).toEqual([{ id: '0', filename: 'chart.png' }]);
    expect(chart.embeds[0].image).toEqual({ url: 'attachment://chart.png' });
    const only = customIds(chart).find(
      (id) =>
        decodeButton(id)?.kind === 'chart' && (decodeButton(id) as { series: number }).series === 2,
    );
    expect(only).toBeDefined();
    // A button: acknowledged silently (type 6), then the message it is on is edited.
    const press = buttonPress(only as string, chart);
    expect((await endpoint.post(press)).body).toEqual({ type: 6 });
    const killed = messageOf(await discord().waitFor(onWebhook(press.token), 15_000));
    expect(killed.__files).toEqual(['chart.png']);
    expect(JSON.stringify(killed.embeds)).toMatch(/\*\*\[4\] 15\*\*/);
    const passagesOnly = customIds(chart).find(
      (id) => (decodeButton(id) as { passagesOnly?: boolean } | null)?.passagesOnly === true,
    );
    const second = buttonPress(passagesOnly as string, chart);
    expect((await endpoint.post(second)).body).toEqual({ type: 6 });
    const passages = messageOf(await discord().waitFor(onWebhook(second.token), 15_000));
    expect(passages.__files).toBeUndefined();
    expect(passages.attachments).toEqual([]);
  });

  it('/reload: a private "thinking…", then the report as an edit; moderators only', async () => {
    const refused = await endpoint.post(slash('reload'));
    expect(messageIn(refused.body).content).toMatch(/for moderators/);
    const asked = slash('reload') as ReturnType<typeof slash> & { member: object };
    const payload = { ...asked, member: { ...asked.member, permissions: MODERATOR_PERMISSIONS } };
    const { body } = await endpoint.post(payload);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await discord().waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(payload.token),
    );
    expect(JSON.stringify(messageOf(edit))).toMatch(/new-letter/);
  });

  it('/reload: an Administrator may, as Administrator implies every permission', async () => {
    const asked = slash('reload') as ReturnType<typeof slash> & { member: object };
    const payload = {
      ...asked,
      member: { ...asked.member, permissions: ADMINISTRATOR_PERMISSIONS },
    };
    const { body } = await endpoint.post(payload);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await discord().waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(payload.token),
    );
    expect(JSON.stringify(messageOf(edit))).not.toMatch(/for moderators/);
  });

  it('refuses what is no interaction it answers: malformed JSON, an unknown type, 1 MB', async () => {
    const signed = (body: string) => endpoint.raw(body, signedHeaders(endpoint.privateKey, body));
    expect((await signed('{"type": 2,')).status).toBe(400);
    expect(
      (await signed('{"type": 5, "id": "1", "token": "t", "application_id": "2", "data": {}}'))
        .status,
    ).toBe(400);
    expect((await signed('[]')).status).toBe(400);
    const huge = JSON.stringify({ type: 2, padding: 'x'.repeat(1024 * 1024) });
    expect((await signed(huge)).status).toBe(413);
  });

  it('GET /healthz: 200 with the documents served, as documents and (for clients that read it) letters', async () => {
    const res = await fetch(`${endpoint.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      documents: 5,
      letters: 5,
      passages: 66,
    });
  });
});

describe('POST /interactions: forged requests', () => {
  const body = JSON.stringify(ask('mines in Lachin'));
  const now = () => String(Math.floor(Date.now() / 1000));
  const flip = (hex: string, at: number) =>
    hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
  const variants: [string, () => { body: string; headers: Record<string, string> }][] = [
    ['no signature headers', () => ({ body, headers: {} })],
    [
      'a signature without its timestamp',
      () => {
        const h = signedHeaders(endpoint.privateKey, body);
        return { body, headers: { 'x-signature-ed25519': h['x-signature-ed25519'] as string } };
      },
    ],
    [
      'a timestamp without a signature',
      () => ({ body, headers: { 'x-signature-timestamp': now() } }),
    ],
    [
      'signed with another key',
      () => ({ body, headers: signedHeaders(keyPair().privateKey, body) }),
    ],
    [
      'one byte of the signature flipped',
      () => {
        const h = signedHeaders(endpoint.privateKey, body);
        return {
          body,
          headers: { ...h, 'x-signature-ed25519': flip(h['x-signature-ed25519'] as string, 10) },
        };
      },
    ],
    [
      'the body changed after signing',
      () => ({
        body: body.replace('Lachin', 'Lachim'),
        headers: signedHeaders(endpoint.privateKey, body),
      }),
    ],
    [
      'a timestamp 10 minutes old, signed with it',
      () => {
        const old = String(Math.floor(Date.now() / 1000) - 600);
        return { body, headers: signedHeaders(endpoint.privateKey, body, old) };
      },
    ],
    [
      'a timestamp 10 minutes ahead, signed with it',
      () => {
        const ahead = String(Math.floor(Date.now() / 1000) + 600);
        return { body, headers: signedHeaders(endpoint.privateKey, body, ahead) };
      },
    ],
    [
      'the signature of another timestamp',
      () => {
        const h = signedHeaders(
          endpoint.privateKey,
          body,
          String(Math.floor(Date.now() / 1000) - 5),
        );
        return { body, headers: { ...h, 'x-signature-timestamp': now() } };
      },
    ],
    [
      'a signature that is not hex',
      () => {
        const h = signedHeaders(endpoint.privateKey, body);
        return { body, headers: { ...h, 'x-signature-ed25519': 'z'.repeat(128) } };
      },
    ],
    [
      'a truncated signature',
      () => {
        const h = signedHeaders(endpoint.privateKey, body);
        return {
          body,
          headers: {
            ...h,
            'x-signature-ed25519': (h['x-signature-ed25519'] as string).slice(0, 64),
          },
        };
      },
    ],
    [
      'an empty body, signed for another body',
      () => ({ body: '', headers: signedHeaders(endpoint.privateKey, body) }),
    ],
  ];

  it.each(variants)('%s → 401, and no handler runs', async (_name, make) => {
    const before = endpoint.handled.mock.calls.length;
    const { body: sent, headers } = make();
    const { status } = await endpoint.raw(sent, headers);
    expect(status).toBe(401);
    expect(endpoint.handled.mock.calls.length).toBe(before);
  });

  it('never logs a signature or a token', () => {
    const logged = JSON.stringify(endpoint.logs);
    expect(logged).not.toMatch(/[0-9a-f]{128}/);
    expect(logged).not.toContain('token-');
  });
});

describe('POST /interactions: any request', () => {
  it('never answers 5xx and never stops serving, signed or not', async () => {
    const headers = fc.dictionary(
      fc.constantFrom('x-signature-ed25519', 'x-signature-timestamp', 'content-type'),
      // What an HTTP client can send as a header value: printable ASCII.
      fc.stringMatching(/^[\x20-\x7e]{0,140}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), headers, async (body, h) => {
        const { status } = await endpoint
          .raw(body, h as Record<string, string>)
          .catch(() => ({ status: 0 }));
        return status > 0 && status < 500;
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const body = JSON.stringify(value) ?? 'null';
        const { status } = await endpoint.raw(body, signedHeaders(endpoint.privateKey, body));
        return status < 500;
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          type: fc.constantFrom(2, 3, 4),
          id: fc.string(),
          token: fc.string(),
          application_id: fc.string(),
          user: fc.record({ id: fc.string() }),
          member: fc.option(
            fc.record({ permissions: fc.string(), user: fc.record({ id: fc.string() }) }),
          ),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
          message: fc.option(fc.dictionary(fc.string(), fc.jsonValue())),
        }),
        async (interaction) => {
          const body = JSON.stringify(interaction);
          const { status } = await endpoint.raw(body, signedHeaders(endpoint.privateKey, body));
          return status < 500;
        },
      ),
      { numRuns: 60 },
    );
    expect((await endpoint.post({ type: 1 })).status).toBe(200);
  });
});

void USER;
void MEMBER_PERMISSIONS;

describe('the log', () => {
  const infoSince = (from: number) => endpoint.logs.slice(from).filter((l) => l.level === 30);

  it('has one info line per interaction: command, time, results, abstained; never the question or the user', async () => {
    const from = endpoint.logs.length;
    const question = 'How many of the 314 mine victims died?';
    await endpoint.post(ask(question));
    await endpoint.post(ask('Which football club won the zebra cup?'));
    await endpoint.post(checkMessage('There is neither marking nor fencing.'));
    const lines = infoSince(from);
    expect(lines).toEqual([
      expect.objectContaining({
        command: 'ask',
        results: expect.any(Number),
        abstained: false,
        ms: expect.any(Number),
      }),
      expect.objectContaining({ command: 'ask', results: 0, abstained: true }),
      expect.objectContaining({ command: 'Check in letters', results: 1, abstained: false }),
    ]);
    expect(lines[0]?.results).toBeGreaterThan(0);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('mine victims');
    expect(text).not.toContain('marking nor fencing');
    expect(text).not.toContain(USER.id);
  });

  it('logs each request it refuses with a 4xx, with the status and why', async () => {
    const from = endpoint.logs.length;
    const body = '{"type": 2,';
    expect((await endpoint.raw(body, signedHeaders(endpoint.privateKey, body))).status).toBe(400);
    expect((await fetch(`${endpoint.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${endpoint.url}/interactions`)).status).toBe(405);
    const refusals = endpoint.logs.slice(from).filter((l) => l.msg === 'request refused');
    expect(refusals).toEqual([
      expect.objectContaining({ status: 400, reason: 'malformed JSON' }),
      expect.objectContaining({ status: 404, reason: 'not found' }),
      expect.objectContaining({ status: 405, reason: 'method not allowed' }),
    ]);
  });
});
