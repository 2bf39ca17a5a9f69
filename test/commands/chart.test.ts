import { InteractionResponseType } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { commandDefinitions, handleInteraction } from '../../commands/index.ts';
import { messageOf, responseOf } from '../../commands/outcome.ts';
import type { Outcome } from '../../commands/types.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { CHART_FILE } from '../../src/render/chart.ts';
import { decodeButton } from '../../src/render/custom-ids.ts';
import type { Reply } from '../../src/render/discord.ts';
import { checkDiscordLimits } from '../../src/render/limits.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { AnnexState } from '../../src/serving/state.ts';
import { buttonPress, slash } from '../e2e/payloads.ts';
import { CHART_FIXTURES, handlerContext } from '../helpers.ts';

let ctx: HandlerContext;
beforeAll(async () => {
  const { letters } = await loadCorpus(CHART_FIXTURES);
  ctx = handlerContext(letters);
});

const STRING = 3;
const chartCommand = (what: string, extra: { name: string; value: string }[] = []) =>
  slash('chart', [
    { name: 'what', type: STRING, value: what },
    ...extra.map((o) => ({ ...o, type: STRING })),
  ]);

/** The reply an outcome ends in: a deferred one's completed reply. */
async function finalReply(outcome: Outcome): Promise<Reply> {
  if (outcome.type === 'deferred') return outcome.complete();
  if (outcome.type === 'reply' || outcome.type === 'update') return outcome.reply;
  throw new Error(`no reply: ${outcome.type}`);
}

/** Every message of a reply as Discord's API takes it, each checked against Discord's limits. */
function wireMessages(reply: Reply) {
  return [reply, ...(reply.continuation ?? [])].map((message) => {
    const wire = messageOf(message);
    expect(checkDiscordLimits(wire.body as Parameters<typeof checkDiscordLimits>[0])).toEqual([]);
    return wire;
  });
}

const buttons = (reply: Reply) => reply.components.flatMap((r) => r.components);
const button = (reply: Reply, label: string) => {
  const found = buttons(reply).find((b) => b.label === label);
  if (!found?.custom_id) throw new Error(`no button "${label}"`);
  return found.custom_id;
};
const allText = (reply: Reply) =>
  [reply, ...(reply.continuation ?? [])]
    .flatMap((m) => m.embeds)
    .map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)
    .join('\n');

describe('/chart', () => {
  it('is registered with its options', () => {
    const definition = commandDefinitions.find((c) => c.name === 'chart');
    expect(
      definition && 'options' in definition ? definition.options?.map((o) => o.name) : [],
    ).toEqual(['what', 'from', 'to']);
  });

  it('answers "thinking…", then the chart as a PNG shown in its embed, the passages cited below', async () => {
    const outcome = await handleInteraction(chartCommand('flood victims') as never, ctx);
    expect(responseOf(outcome).body.type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    const reply = await finalReply(outcome);
    const [first] = wireMessages(reply);
    expect(first?.files.map((f) => f.name)).toEqual([CHART_FILE]);
    expect(first?.files[0]?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(first?.body.attachments).toEqual([{ id: '0', filename: CHART_FILE }]);
    const embed = reply.embeds[0];
    expect(embed?.image?.url).toBe(`attachment://${CHART_FILE}`);
    // "documents", as its footer and every reply say it: the fixtures hold a review beside the letters.
    expect(embed?.title).toBe('Flood victims: figures as stated in the documents');
    const text = allText(reply);
    // Each point numbered as on the chart, its figure in bold in the verbatim sentence, cited.
    expect(text).toContain('**[2] 120**');
    expect(text).toContain(
      'Since the storm of 2 January 2024, **120** people have become flood victims',
    );
    expect(text).toContain('passage 2 (numbered by the Annex bot)');
    expect(text).toContain('**[9] 140**');
    expect(text).toMatch(/Left out/);
    expect(text).toContain('either could be the count');
  });

  it('switches to one series and to the passages only, in place, through its buttons', async () => {
    const reply = await finalReply(
      await handleInteraction(chartCommand('flood victims') as never, ctx),
    );
    expect(buttons(reply).map((b) => b.label)).toEqual([
      'All series',
      'Only: flood victims',
      'Only: killed',
      'Only: wounded or injured',
      'Passages only',
    ]);
    const message = { embeds: reply.embeds, components: reply.components };
    const killedId = button(reply, 'Only: killed');
    expect(decodeButton(killedId)).toMatchObject({ kind: 'chart', series: 2, passagesOnly: false });
    const pressed = await handleInteraction(buttonPress(killedId, message) as never, ctx);
    expect(pressed).toMatchObject({ type: 'deferred', update: true });
    expect(responseOf(pressed).body.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const killed = await finalReply(pressed);
    wireMessages(killed);
    expect(killed.files?.map((f) => f.name)).toEqual([CHART_FILE]);
    const killedText = allText(killed);
    expect(killedText).toContain('**[5] 12**');
    expect(killedText).not.toContain('**[2] 120**');

    const passagesId = button(reply, 'Passages only');
    const passages = await finalReply(
      await handleInteraction(buttonPress(passagesId, message) as never, ctx),
    );
    const [wire] = wireMessages(passages);
    // The picture goes: no file, and the message's attachments emptied.
    expect(wire?.files).toEqual([]);
    expect(wire?.body.attachments).toEqual([]);
    expect(passages.embeds[0]?.image).toBeUndefined();
    expect(allText(passages)).toContain('**[2] 120**');
    expect(buttons(passages).map((b) => b.label)).toContain('Show chart');
  });

  it('reads what to chart as Discord shows it: a custom emoji or a mention picked into it is no word of it', async () => {
    const plain = allText(
      await finalReply(await handleInteraction(chartCommand('flood victims') as never, ctx)),
    );
    const marked = await finalReply(
      await handleInteraction(
        chartCommand('<:wave:223456789012345678> flood victims <#400000000000000002>') as never,
        ctx,
      ),
    );
    expect(allText(marked)).toBe(plain);
  });

  it('shows the passage instead of a chart of one point, and says why', async () => {
    const reply = await finalReply(
      await handleInteraction(chartCommand('sandbags produced') as never, ctx),
    );
    wireMessages(reply);
    expect(reply.files).toEqual([]);
    expect(reply.embeds[0]?.image).toBeUndefined();
    expect(reply.embeds[0]?.description).toContain(
      '**No chart:** the documents state only one figure',
    );
    expect(allText(reply)).toContain('More than 30,000');
  });

  it('answers bad input with a short private message', async () => {
    const noWords = await handleInteraction(chartCommand('1234') as never, ctx);
    expect(noWords).toMatchObject({ type: 'reply', reply: { ephemeral: true } });
    const badDate = await handleInteraction(
      chartCommand('flood victims', [{ name: 'from', value: 'soon' }]) as never,
      ctx,
    );
    expect(badDate).toMatchObject({ type: 'reply', reply: { ephemeral: true } });
    const nothing = await finalReply(
      await handleInteraction(chartCommand('bridges') as never, ctx),
    );
    wireMessages(nothing);
    expect(nothing.embeds[0]?.description).toContain('no passage in the 5 documents');
    // Nothing below it: the description ends with its sentence, not a stray space.
    expect(nothing.embeds[0]?.description).toMatch(/\.$/);
  });

  it('keeps a long list within Discord limits, continued in follow-ups', async () => {
    const letters = (await loadCorpus(CHART_FIXTURES)).letters;
    // The same letters many times over (other ids and hashes): many points and passages.
    const many = Array.from({ length: 12 }, (_, k) =>
      letters.map((l, i) => ({
        ...l,
        id: `${l.id}-${k}`,
        sha256: `${k}${i}`.padEnd(64, 'a'),
        date: `20${10 + k}-0${i + 3}-1${i}`,
      })),
    ).flat();
    const big: HandlerContext = { ...ctx, state: new AnnexState(SearchIndex.build(many)) };
    const reply = await finalReply(
      await handleInteraction(chartCommand('flood victims') as never, big),
    );
    const messages = wireMessages(reply);
    expect(messages.length).toBeGreaterThan(1);
  });
});
