import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandDefinitions } from '../../commands/index.ts';
import { QUESTION_MARK } from '../../src/render/discord.ts';
import { SEED } from '../helpers.ts';
import { type Bot, buttonIds, messageOf, TOKEN } from './harness.ts';
import {
  ADMINISTRATOR_PERMISSIONS,
  autocomplete,
  buttonPress,
  CHANNEL_ID,
  checkMessage,
  DM_CHANNEL_ID,
  guildCreate,
  MEMBER_PERMISSIONS,
  OTHER_USER,
  plainMessage,
  slash,
} from './payloads.ts';

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;

let bot: Bot;
beforeAll(async () => {
  bot = await startBotOnce();
});
afterAll(async () => {
  await bot.stop();
});
async function startBotOnce() {
  const { startBot } = await import('./harness.ts');
  return startBot();
}

const QUESTION = 'How many of the 314 mine victims died?';
const letterText = (id: string) => bot.state.index.letters.find((l) => l.id === id)?.text ?? '';
/** Undo Discord markdown: bold marks and escapes. */
const plain = (s: string) => s.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

async function ask(
  options: { name: string; type: number; value: string | number | boolean }[],
  where: 'guild' | 'dm' = 'guild',
) {
  const payload = slash('ask', options, where);
  const call = await bot.interact(payload);
  return { payload, call, message: messageOf(call) };
}

describe('/ask', () => {
  it.each(['guild', 'dm'] as const)(
    'in a %s: a type-4 reply quoting passages verbatim, cited, pinging no one',
    async (where) => {
      const { call, message } = await ask(
        [{ name: 'question', type: STRING, value: QUESTION }],
        where,
      );
      expect((call.body as { type: number }).type).toBe(4);
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(message.flags ?? 0).toBe(0);
      const [first] = message.embeds;
      expect(first.author.name).toBe(`${QUESTION_MARK}${QUESTION}`);
      const quoted = /\n> (.*?)(?:\n\n\*Excerpt|$)/s.exec(first.description)?.[1] ?? '';
      expect(plain(quoted)).toMatch(/61 (?:of whom|people) have died/);
      expect(letterText(SEED.khojavand)).toContain(plain(quoted));
      expect(first.fields[0]).toEqual({
        name: 'Citation',
        value: expect.stringMatching(
          /^A\/78\/368-S\/2023\/686, 19 September 2023, (letter|annex).*passage \d+ \(numbered by the Annex bot\)$/,
        ),
      });
      expect(first.url).toBe('https://undocs.org/en/A/78/368');
      expect(buttonIds(message).filter((id) => id.startsWith('annex:x:'))).toHaveLength(
        message.embeds.length,
      );
    },
  );

  it('abstains, saying what was searched', async () => {
    const { message } = await ask([
      { name: 'question', type: STRING, value: 'Who is the current coach of Real Madrid?' },
    ]);
    expect(message.embeds[0].title).toBe('Not found in the letters');
    expect(message.embeds[0].description).toContain(
      'No passage in the 5 letters, 23 February 2021 – 4 April 2024',
    );
    expect(message.components).toEqual([]);
  });

  it('answers "who signed" with the signature, and says when a note verbale is unsigned', async () => {
    const signed = await ask([
      { name: 'question', type: STRING, value: 'Who signed the 2023 letter about Khojavend?' },
    ]);
    expect(signed.message.embeds[0].description).toContain(
      '(**Signed**) Yashar Aliyev Ambassador Permanent Representative',
    );
    const unsigned = await ask([
      { name: 'question', type: STRING, value: 'Who signed the note verbale of April 2021?' },
    ]);
    expect(unsigned.message.embeds[0].description).toMatch(
      /^The note verbale this question names is not signed \(a note verbale carries no signature\)\. No passage in the letter searched \(5 April 2021\) answers this question\./,
    );
  });

  it('answers privately with the private option, offering to post publicly', async () => {
    const { message } = await ask([
      { name: 'question', type: STRING, value: QUESTION },
      { name: 'private', type: BOOLEAN, value: true },
    ]);
    expect(message.flags).toBe(64);
    expect(buttonIds(message).some((id) => id.startsWith('annex:p:'))).toBe(true);
  });

  it('refuses a bad date with a short private message', async () => {
    const { message } = await ask([
      { name: 'question', type: STRING, value: QUESTION },
      { name: 'from', type: STRING, value: 'last year' },
    ]);
    expect(message.flags).toBe(64);
    expect(message.content).toMatch(/`from` should be a date like 2023-09-19/);
  });
});

describe('buttons', () => {
  async function answered(
    extra: { name: string; type: number; value: string | number | boolean }[] = [],
  ) {
    const { message } = await ask([
      { name: 'question', type: STRING, value: 'mine victims' },
      ...extra,
    ]);
    return message;
  }
  const press = async (id: string, message: Record<string, unknown>, user?: typeof OTHER_USER) => {
    const call = await bot.interact(buttonPress(id, message, 'guild', user));
    return { call, message: messageOf(call) };
  };

  it('Next: a type-7 update with the next page', async () => {
    const first = await answered();
    const more = buttonIds(first).find((id) => id.startsWith('annex:a:'));
    const { call, message } = await press(more ?? '', first);
    expect((call.body as { type: number }).type).toBe(7);
    expect(message.embeds[0].title).toMatch(/^4\. /);
    expect(message.embeds[0].author.name).toBe(`${QUESTION_MARK}mine victims`);
  });

  it('pages both ways with Previous / Next, labelled as /search labels its pages', async () => {
    const labels = (message: Record<string, unknown>, code: string) =>
      ((message.components as { components: { custom_id: string; label: string }[] }[]) ?? [])
        .flatMap((r) => r.components)
        .filter((c) => c.custom_id.startsWith(`annex:${code}:`))
        .map((c) => c.label);
    const first = await answered();
    expect(labels(first, 'a')).toEqual(['Next']);
    const searched = messageOf(
      await bot.interact(slash('search', [{ name: 'query', type: STRING, value: 'mine victims' }])),
    );
    expect(labels(searched, 's')).toEqual(['Next']);
    const second = await press(
      buttonIds(first).find((id) => id.startsWith('annex:a:')) ?? '',
      first,
    );
    expect(second.message.embeds[0].title).toMatch(/^4\. /);
    expect(labels(second.message, 'a')).toEqual(['Previous', 'Next']);
    const previous = buttonIds(second.message).find((id) => id.startsWith('annex:a:')) ?? '';
    const back = await press(previous, second.message);
    expect(back.message.embeds[0].title).toMatch(/^1\. /);
    expect(back.message.embeds[0].author.name).toBe(`${QUESTION_MARK}mine victims`);
  });

  it('a page button past the last result (posted before the corpus shrank) shows the last page', async () => {
    const first = await answered();
    const next = buttonIds(first).find((id) => id.startsWith('annex:a:')) ?? '';
    const late = next.replace(/^(annex:a:\d+:)\d+/, '$1999');
    expect(late).not.toBe(next);
    const { call, message } = await press(late, first);
    expect((call.body as { type: number }).type).toBe(7);
    expect(message.embeds[0].title).toMatch(/^\d+\. /);
    expect(message.embeds[0].title).not.toMatch(/^1\. /);
    expect(buttonIds(message).some((id) => id.startsWith('annex:a:'))).toBe(true);
  });

  it('Context: the passage with its neighbours; Back returns to the results', async () => {
    const first = await answered();
    const context = buttonIds(first).find((id) => id.startsWith('annex:x:'));
    const { call, message } = await press(context ?? '', first);
    expect((call.body as { type: number }).type).toBe(7);
    expect(
      message.embeds
        .map((e: { title?: string }) => e.title)
        .filter(Boolean)
        .join(' | '),
    ).toMatch(/(?:^| \| )Passage \d+ \(/);
    const backId = buttonIds(message).find((id) => id.startsWith('annex:a:'));
    const back = await press(backId ?? '', message);
    expect(back.message.embeds[0].title).toMatch(/^1\. /);
  });

  it('a question ending in “…” (phones write "..." so): Context, Back and Next work', async () => {
    const { message: first } = await ask([
      { name: 'question', type: STRING, value: 'mine victims…' },
    ]);
    const context = buttonIds(first).find((id) => id.startsWith('annex:x:'));
    expect(context).toBeDefined();
    const shown = await press(context ?? '', first);
    expect(shown.message.content ?? '').not.toMatch(/expired/);
    const back = await press(
      buttonIds(shown.message).find((id) => id.startsWith('annex:a:')) ?? '',
      shown.message,
    );
    expect(back.message.embeds[0].author.name).toBe(`${QUESTION_MARK}mine victims…`);
    const more = await press(
      buttonIds(back.message).find((id) => id.startsWith('annex:a:')) ?? '',
      back.message,
    );
    expect(more.message.embeds[0].title).toMatch(/^4\. /);
  });

  it('a question too long to read back: Context and Cite answer privately, leaving the answer in place', async () => {
    const long = `mine victims ${'in the letters of Azerbaijan '.repeat(10)}`.trim();
    const { message: first } = await ask([{ name: 'question', type: STRING, value: long }]);
    expect(first.embeds[0].author.name).toMatch(/^Asked \(shortened\): /);
    const ids = buttonIds(first);
    expect(ids.some((id) => id.startsWith('annex:a:'))).toBe(false);
    const context = await press(ids.find((id) => id.startsWith('annex:x:')) ?? '', first);
    expect((context.call.body as { type: number }).type).toBe(4);
    expect(context.message.flags).toBe(64);
    expect(context.message.embeds.map((e: { title?: string }) => e.title).join(' | ')).toMatch(
      /(?:^| \| )Passage \d+ \(/,
    );
    expect(buttonIds(context.message).some((id) => id.startsWith('annex:a:'))).toBe(false);
    const cite = await press(ids.find((id) => id.startsWith('annex:c:')) ?? '', first);
    expect((cite.call.body as { type: number }).type).toBe(4);
    expect(cite.message.flags).toBe(64);
    expect(cite.message.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual([
      'UN style',
      'OSCOLA',
      'Bluebook',
    ]);
  });

  it('Cite: ready-to-copy citations in UN, OSCOLA and Bluebook style', async () => {
    const first = await answered();
    const cite = buttonIds(first).find((id) => id.startsWith('annex:c:'));
    const { call, message } = await press(cite ?? '', first);
    expect((call.body as { type: number }).type).toBe(7);
    expect(message.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual([
      'UN style',
      'OSCOLA',
      'Bluebook',
    ]);
  });

  it('Post publicly: posts the private answer for everyone', async () => {
    const first = await answered([{ name: 'private', type: BOOLEAN, value: true }]);
    const publish = buttonIds(first).find((id) => id.startsWith('annex:p:'));
    const { call, message } = await press(publish ?? '', { ...first, flags: 64 });
    expect((call.body as { type: number }).type).toBe(4);
    expect(message.flags ?? 0).toBe(0);
    expect(message.embeds[0].author.name).toBe(`${QUESTION_MARK}mine victims`);
  });

  it('someone else’s button gets a short private explanation', async () => {
    const first = await answered();
    const more = buttonIds(first).find((id) => id.startsWith('annex:a:'));
    const { message } = await press(more ?? '', first, OTHER_USER);
    expect(message.flags).toBe(64);
    expect(message.content).toMatch(/belong to the person who asked/);
  });

  it('a stale button gets a short private explanation', async () => {
    const first = await answered();
    const { message } = await press('annex:x:500000000000000001:0123456789:3:0:::', first);
    expect(message.flags).toBe(64);
    expect(message.content).toMatch(/expired/);
    const foreign = await press('some-other-bot:button', first);
    expect(foreign.message.content).toMatch(/expired/);
  });
});

describe('other commands', () => {
  it('/search: a compact list, paged', async () => {
    const call = await bot.interact(
      slash('search', [{ name: 'query', type: STRING, value: 'mines' }]),
    );
    const message = messageOf(call);
    expect(message.embeds[0].description).toMatch(/^\*\*1\.\*\* /);
    expect(buttonIds(message).some((id) => id.startsWith('annex:s:'))).toBe(true);
  });

  it('/quote: one passage exactly, with neighbours on request', async () => {
    const call = await bot.interact(
      slash('quote', [
        { name: 'letter', type: STRING, value: SEED.lachin },
        { name: 'passage', type: INTEGER, value: 11 },
        { name: 'context', type: BOOLEAN, value: true },
      ]),
    );
    const message = messageOf(call);
    const titles = message.embeds.map((e: { title?: string }) => e.title).filter(Boolean);
    expect(titles).toEqual([
      'Before: passage 10 (annex)',
      'Passage 11 (annex · pp. 2–3)',
      'After: passage 12 (annex · p. 3)',
    ]);
    expect(message.embeds.at(-1)?.description).toContain(
      'A/76/930-S/2022/642, 24 August 2022, annex, pp. 2–3, passage 11',
    );
  });

  it('/letters: date, symbol or "no symbol in text", title', async () => {
    const message = messageOf(await bot.interact(slash('letters')));
    expect(message.embeds[0].title).toBe('Letters indexed: 5');
    expect(message.embeds[0].description).toContain('*no symbol in text*');
  });

  it('/letter: metadata, link, and the full text as a .txt attachment', async () => {
    const message = messageOf(
      await bot.interact(slash('letter', [{ name: 'letter', type: STRING, value: 'A/78/368' }])),
    );
    expect(message.embeds[0].url).toBe('https://undocs.org/en/A/78/368');
    expect(message.__files).toEqual([`${SEED.khojavand}.txt`]);
    // Discord's API types an attachment id as a snowflake string, as discord.js sends it.
    expect(message.attachments).toEqual([{ id: '0', filename: `${SEED.khojavand}.txt` }]);
  });

  it('a letter typed and sent without picking from the list: taken when it fits one, else the ones it fits named', async () => {
    const one = messageOf(
      await bot.interact(
        slash('letter', [{ name: 'letter', type: STRING, value: '19 September 2023' }]),
      ),
    );
    expect(one.embeds[0].url).toBe('https://undocs.org/en/A/78/368');
    const several = messageOf(
      await bot.interact(
        slash('quote', [
          { name: 'letter', type: STRING, value: '2021' },
          { name: 'passage', type: INTEGER, value: 1 },
        ]),
      ),
    );
    expect(several.flags).toBe(64);
    expect(several.content).toMatch(
      /^"2021" fits 2 documents; pick one from the list as you type:/,
    );
    expect(several.content).toContain('23 February 2021');
    expect(several.content).toContain('5 April 2021');
  });

  it('/cite: UN style with symbol, annex and page', async () => {
    const message = messageOf(
      await bot.interact(
        slash('cite', [
          { name: 'letter', type: STRING, value: SEED.lachin },
          { name: 'passage', type: INTEGER, value: 13 },
          { name: 'style', type: STRING, value: 'un' },
        ]),
      ),
    );
    expect(message.embeds[0].fields[0].value).toContain(
      "Letter dated 24 August 2022 from the Chargé d'affaires a.i. of the Permanent Mission of Azerbaijan to the United Nations addressed to the Secretary-General (A/76/930-S/2022/642), annex, p. 3",
    );
  });

  it('/help: no generative model, the commands, the index', async () => {
    const message = messageOf(await bot.interact(slash('help', [], 'dm')));
    expect(message.flags).toBe(64);
    expect(message.embeds[0].description).toMatch(/no AI model/);
    expect(message.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual([
      'Commands',
      'Ask like this',
      'Index',
    ]);
    expect(message.embeds[0].fields[2].value).toMatch(/^5 letters, 66 passages/);
  });

  it('autocomplete: a type-8 answer with at most 25 letters', async () => {
    const call = await bot.interact(
      autocomplete('quote', [{ name: 'letter', type: STRING, value: '2021', focused: true }]),
    );
    const body = call.body as {
      type: number;
      data: { choices: { name: string; value: string }[] };
    };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c) => c.value)).toEqual([SEED.hrcNote, SEED.minefieldInfo]);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });
});

describe('Check in letters (moderators)', () => {
  it('finds a claim quoted verbatim, privately', async () => {
    const call = await bot.interact(checkMessage('“There is neither marking nor fencing.”'));
    const message = messageOf(call);
    expect(message.flags).toBe(64);
    expect(message.embeds[0].title).toBe('Quoted verbatim in a letter');
    expect(message.embeds[0].fields[0].value).toContain('A/76/930-S/2022/642');
  });

  it('reads the message as Discord shows it: a quote with markdown, an emoji and a mention is still verbatim', async () => {
    const message = messageOf(
      await bot.interact(
        checkMessage('> There is neither **marking** nor _fencing_. 😡 <@500000000000000001>'),
      ),
    );
    expect(message.embeds[0].title).toBe('Quoted verbatim in a letter');
    expect(message.embeds[0].author.name).toBe('Claim: There is neither marking nor fencing.');
  });

  it('says privately that a message of emoji and mentions has no words to check', async () => {
    const message = messageOf(await bot.interact(checkMessage('😡🔥 <@500000000000000001>')));
    expect(message.flags).toBe(64);
    expect(message.content).toBe(
      'That message has no words to check (only links, emoji, mentions, attachments or embeds).',
    );
  });

  it('a quote posted with the link to its source is still verbatim; a link alone has no words to check', async () => {
    const quoted = messageOf(
      await bot.interact(
        checkMessage('There is neither marking nor fencing. https://undocs.org/en/A/76/930'),
      ),
    );
    expect(quoted.embeds[0].title).toBe('Quoted verbatim in a letter');
    const linkOnly = messageOf(
      await bot.interact(checkMessage('<https://undocs.org/en/A/76/930>')),
    );
    expect(linkOnly.flags).toBe(64);
    // The link names a document the index holds: said so, and how to see it.
    expect(linkOnly.content).toMatch(
      /^The message links to A\/76\/930-S\/2022\/642, which is in the index \(`\/letter A\/76\/930-S\/2022\/642` shows it\); it has no words of its own to check\.$/,
    );
    const emojiOnly = messageOf(await bot.interact(checkMessage('<:thinking:123456789012345678>')));
    expect(emojiOnly.content).toBe(
      'That message has no words to check (only links, emoji, mentions, attachments or embeds).',
    );
  });

  it('gives the closest passages for a paraphrase', async () => {
    const message = messageOf(
      await bot.interact(checkMessage('Azerbaijan says 61 of the 314 mine victims have died')),
    );
    expect(message.embeds[0].title).toBe('Not quoted verbatim; closest passages');
    expect(message.embeds[0].description).toContain('Searched 5 letters');
  });

  it('says when the letters do not contain it', async () => {
    const message = messageOf(
      await bot.interact(checkMessage('Real Madrid won the Champions League')),
    );
    expect(message.embeds[0].title).toBe('Not in the letters');
  });

  it('answers an Administrator, whose permissions imply Manage Messages', async () => {
    const message = messageOf(
      await bot.interact(
        checkMessage('There is neither marking nor fencing.', ADMINISTRATOR_PERMISSIONS),
      ),
    );
    expect(message.flags).toBe(64);
    expect(message.embeds[0].title).toBe('Quoted verbatim in a letter');
  });

  it('re-checks the permission at run time', async () => {
    const message = messageOf(
      await bot.interact(checkMessage('There is neither marking nor fencing.', MEMBER_PERMISSIONS)),
    );
    expect(message.flags).toBe(64);
    expect(message.content).toMatch(/for moderators/);
  });
});

describe('plain messages', () => {
  it('answers a plain DM like /ask', async () => {
    bot.discord.dispatch('MESSAGE_CREATE', plainMessage('Were mines found in Kalbajar?', 'dm'));
    const call = await bot.discord.waitFor(
      (c) => c.method === 'POST' && c.path === `/api/v10/channels/${DM_CHANNEL_ID}/messages`,
    );
    const message = messageOf(call);
    expect(plain(message.embeds[0].description)).toContain('Lachin and Kalbajar districts');
    expect(message.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('answers a first DM, on a channel the bot has never seen', async () => {
    const channel = '400000000000000099';
    bot.discord.dispatch(
      'MESSAGE_CREATE',
      plainMessage('Were mines found in Kalbajar?', 'dm', false, channel),
    );
    const call = await bot.discord.waitFor(
      (c) => c.method === 'POST' && c.path === `/api/v10/channels/${channel}/messages`,
    );
    expect(plain(messageOf(call).embeds[0].description)).toContain('Lachin and Kalbajar districts');
  });

  it('answers a server message that mentions the bot', async () => {
    bot.discord.dispatch('GUILD_CREATE', guildCreate());
    await new Promise((r) => setTimeout(r, 50));
    bot.discord.dispatch(
      'MESSAGE_CREATE',
      plainMessage('<@100000000000000001> Khojavend', 'guild', true),
    );
    const call = await bot.discord.waitFor(
      (c) => c.method === 'POST' && c.path === `/api/v10/channels/${CHANNEL_ID}/messages`,
    );
    expect(plain(messageOf(call).embeds[0].description)).toContain('Khojavand');
  });

  it.each([
    ['a greeting in a DM', 'hi', 'dm'],
    ['thanks in a DM', 'thanks, annex!', 'dm'],
    ['a greeting with a mention', '<@100000000000000001> hello', 'guild'],
    ['a DM of a question mark', '?', 'dm'],
    ['an empty mention', '<@100000000000000001>', 'guild'],
  ] as const)(
    'says how to ask, with examples, for %s: never "not found"',
    async (_, text, where) => {
      const channel = where === 'dm' ? DM_CHANNEL_ID : CHANNEL_ID;
      const before = bot.discord.calls.length;
      if (where === 'guild') bot.discord.dispatch('GUILD_CREATE', guildCreate());
      bot.discord.dispatch('MESSAGE_CREATE', plainMessage(text, where, where === 'guild'));
      const call = await bot.discord.waitFor(
        (c) =>
          bot.discord.calls.indexOf(c) >= before &&
          c.method === 'POST' &&
          c.path === `/api/v10/channels/${channel}/messages`,
      );
      const message = messageOf(call);
      // The seed letters are all letters; the examples are questions they answer (made from them).
      expect(message.content).toMatch(/^Ask me a question about the letters/);
      expect(message.content).toMatch(
        /For example: "(?:How many|Who signed|What does the (?:letter|note verbale) of) /,
      );
      expect(message.embeds ?? []).toEqual([]);
    },
  );
});

describe('faults', () => {
  it('an expired interaction (10062) is logged, and the next one is served', async () => {
    const payload = slash('ask', [{ name: 'question', type: STRING, value: QUESTION }]);
    bot.discord.faults.push({
      match: (c) => c.path.includes(`/interactions/${payload.id}/`),
      status: 404,
      body: { code: 10062, message: 'Unknown interaction' },
    });
    await bot.interact(payload);
    await vi.waitFor(() =>
      expect(bot.logs.some((l) => String(l.msg).includes('10062'))).toBe(true),
    );
    const next = await ask([{ name: 'question', type: STRING, value: QUESTION }]);
    expect(next.message.embeds.length).toBeGreaterThan(0);
  });

  it('a command that throws is logged with an error id, answered privately with it, and the bot keeps serving', async () => {
    const spy = vi.spyOn(bot.state, 'info').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const { message } = await ask([{ name: 'question', type: STRING, value: QUESTION }]);
    spy.mockRestore();
    expect(message.flags).toBe(64);
    const errorId = /error id `([0-9a-f]{8})`/.exec(String(message.content))?.[1];
    expect(errorId).toBeDefined();
    expect(
      bot.logs.find((l) => l.errorId === errorId && l.msg === 'interaction failed'),
    ).toBeDefined();
    const next = await ask([{ name: 'question', type: STRING, value: QUESTION }]);
    expect(next.message.embeds.length).toBeGreaterThan(0);
  });

  it('never writes the token to the log', () => {
    expect(JSON.stringify(bot.logs)).not.toContain(TOKEN);
    expect(JSON.stringify(bot.logs)).not.toContain('secret-token-value');
  });
});

describe('every reply in this suite', () => {
  it('passed Discord’s limits (the stand-in answers 400 otherwise) and pinged no one', () => {
    const replies = bot.discord.calls.filter(
      (c) => c.method !== 'GET' && !c.path.endsWith('/commands'),
    );
    expect(replies.length).toBeGreaterThan(20);
    for (const call of replies.filter(
      (c) => !c.path.includes('/callback') || (c.body as { type: number }).type !== 8,
    )) {
      const body = call.body as { type?: number; data?: Record<string, unknown> };
      if (body.type === 5 || body.type === 6) continue;
      const message = (call.path.endsWith('/callback') ? body.data : body) as {
        allowed_mentions?: { parse: unknown[] };
      };
      expect(message.allowed_mentions?.parse, call.path).toEqual([]);
    }
    expect(
      bot.discord.calls
        .filter((c) => c.path.includes('/callback'))
        .every((c) => c.headers.authorization === undefined),
    ).toBe(true);
  });

  it('acknowledged every interaction exactly once, and failed only where a test made it fail', () => {
    const perInteraction = new Map<string, number>();
    for (const call of bot.discord.calls) {
      const id = /^\/api\/v10\/interactions\/(\d+)\//.exec(call.path)?.[1];
      if (id && call.method === 'POST') perInteraction.set(id, (perInteraction.get(id) ?? 0) + 1);
    }
    expect(perInteraction.size).toBeGreaterThan(20);
    const twice = [...perInteraction].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const failures = bot.logs.filter((l) => l.msg === 'interaction failed');
    expect(failures.map((l) => (l.err as { message: string }).message)).toEqual(['boom']);
  });

  it('registration body is exactly commands/ (checked in register.test.ts)', () => {
    expect(commandDefinitions.length).toBe(10);
  });
});
