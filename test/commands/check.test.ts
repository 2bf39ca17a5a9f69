import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { handleInteraction } from '../../commands/index.ts';
import { messageOf } from '../../commands/outcome.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { checkMessage } from '../e2e/payloads.ts';
import { APP_ID } from '../e2e/stand-in.ts';
import { CORPUS_DIR, handlerContext } from '../helpers.ts';

let ctx: HandlerContext;
beforeAll(async () => {
  const { letters } = await loadCorpus(CORPUS_DIR);
  ctx = handlerContext(letters);
});

const QUOTE =
  'Since the 44-day Patriotic War of 2020, the total number of landmine victims has reached 314 people';

/** "Check in letters" on a message whose fields are `fields`: what the moderator reads. */
async function checked(fields: Record<string, unknown>): Promise<string> {
  const interaction = checkMessage('');
  const target = Object.values(interaction.data.resolved.messages)[0]!;
  Object.assign(target, fields);
  const outcome = await handleInteraction(interaction as never, ctx);
  if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
  const { body } = messageOf(outcome.reply);
  return [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e) => [
      e.author?.name ?? '',
      e.title ?? '',
      e.description ?? '',
    ]),
  ].join('\n');
}

describe('Check in letters', () => {
  it('checks a forwarded message by the text it forwards (Discord sends it as a snapshot, the message itself empty)', async () => {
    const forwarded = await checked({
      content: '',
      message_reference: { type: 1, channel_id: '400000000000000005', message_id: '1' },
      message_snapshots: [{ message: { content: QUOTE, embeds: [], attachments: [] } }],
    });
    expect(forwarded).toMatch(/Quoted verbatim/);
    expect(forwarded).toContain(`Claim: ${QUOTE}`);
  });

  it("says that a message of Annex's own is its answer, not a claim to check", async () => {
    const own = await checked({
      content: '',
      author: { id: APP_ID, username: 'Annex', bot: true, discriminator: '0', avatar: null },
      application_id: APP_ID,
      embeds: [{ title: '1. A/78/368-S/2023/686', description: `> ${QUOTE}` }],
    });
    expect(own).toMatch(/Annex's own answer/);
    expect(own).not.toMatch(/no words to check/);
  });

  it('tells a moderator which words of a near quote the letter does not have (a wrong year), never "not in the letters"', async () => {
    const shown = await checked({
      content:
        'On September 19, 2022, a vehicle exploded on an anti-tank landmine planted in the Khojavand district',
    });
    expect(shown).not.toMatch(/Not in the letters/);
    expect(shown).toMatch(/Not quoted verbatim/);
    expect(shown).toContain(
      'is nearly as written in A/78/368-S/2023/686, passage 5 (1 below), except: the passage has “2023” where the claim has “2022”.',
    );
  });

  it('says whose each sentence is of a claim stitched from two letters', async () => {
    const shown = await checked({
      content: `${QUOTE}, of whom 61 people have died. Around 3,300 persons became mine victims during the last 30 years.`,
    });
    expect(shown).toMatch(/Each sentence quoted verbatim, from different places/);
    expect(shown).toContain('is quoted verbatim from A/78/368-S/2023/686, passage 8 (1 below).');
    expect(shown).toContain(
      '“Around 3,300 persons became mine victims during the last 30 years.” is quoted verbatim from A/76/930-S/2022/642, passage 14 (2 below).',
    );
  });
});

describe('Check in letters on a message that links to a document', () => {
  it('reads no symbol in a link to a file by its job number (user trial 7)', async () => {
    const shown = await checked({
      content:
        'https://documents.un.org/doc/undoc/gen/n22/466/00/pdf/n2246600.pdf lies about the mines in Lachin',
    });
    expect(shown).not.toMatch(/DOC\/UNDOC/);
    expect(shown).not.toMatch(/links to/);
  });
  it('says a linked document is not in the index, rather than "not in the letters", when the words are too few to be a claim', async () => {
    const shown = await checked({ content: 'https://undocs.org/S/2023/123 lies about mines' });
    expect(shown).toMatch(/S\/2023\/123/);
    expect(shown).toMatch(/not among the 5 letters/);
    expect(shown).toContain('`/letters`');
    expect(shown).not.toMatch(/Not in the letters/);
  });

  it('checks the words against the linked document when the index holds it, and says so', async () => {
    const shown = await checked({
      content: '<https://undocs.org/en/A/78/368> lies about the landmine victims',
    });
    expect(shown).toMatch(/links to A\/78\/368.*in the index/);
    expect(shown).toMatch(/Searched 1 letter/);
    expect(shown).not.toMatch(/A\/76\/930/);
  });

  it('checks a claim long enough on its own against every letter, saying the linked one is not held', async () => {
    const shown = await checked({ content: `https://undocs.org/S/2023/123 ${QUOTE}` });
    expect(shown).toMatch(/not among the 5 letters/);
    expect(shown).toMatch(/Quoted verbatim|closest passages/i);
  });

  it('reads a symbol in brackets after a quote as the poster’s citation, as a link there: quoted verbatim, checked against that document (user trial 8)', async () => {
    // Before: "Partly quoted verbatim; closest passages", "(A/76/930)" read as words of the claim.
    const sentence = 'Around 3,300 persons became mine victims during the last 30 years.';
    const shown = await checked({ content: `**${sentence}** (A/76/930)` });
    expect(shown).toMatch(/Quoted verbatim/);
    expect(shown).toContain(`Claim: ${sentence}\n`);
    expect(shown).toMatch(
      /cites A\/76\/930.*in the index: its words are checked against that letter only/,
    );
  });

  it('says a cited document that holds none of the claim is the wrong one, and which passage holds it (user trial 9)', async () => {
    // Before: checked against A/76/930 alone, "“314” is in none of these passages; A/76/930…,
    // passage 14 states “232”": read as a misquoted figure, where the citation is wrong.
    const shown = await checked({
      content:
        'Since the signing of the November 2020 Trilateral Statement, 314 citizens of Azerbaijan have become mine victims (A/76/930)',
    });
    expect(shown).toMatch(
      /Not in A\/76\/930-S\/2022\/642, which the message cites; A\/78\/368-S\/2023\/686, passage 2 \(1 below\) states it nearly as written/,
    );
    expect(shown).not.toContain('“232”');
    const sentence = 'Around 3,300 persons became mine victims during the last 30 years.';
    const verbatim = await checked({ content: `**${sentence}** [A/78/368]` });
    expect(verbatim).toMatch(/Quoted verbatim/);
    expect(verbatim).toMatch(/Not in A\/78\/368-S\/2023\/686, which the message cites; A\/76\/930/);
    // A figure the cited letter does not state, though another does: where, and no other figure.
    const mines = await checked({
      content: 'azerbaijan says 500,000 mines were found after sept 2023 (A/78/368)',
    });
    expect(mines).toMatch(
      /“500,000” is not in A\/78\/368-S\/2023\/686, which the message cites; it is stated in .*4 April 2024, passage 7/,
    );
  });

  it('says a cited symbol no document has is not held, checking the words against every document', async () => {
    const shown = await checked({ content: `“${QUOTE}” (S/2023/123)` });
    expect(shown).toMatch(/cites S\/2023\/123, which is not among the 5 letters/);
    expect(shown).toMatch(/Quoted verbatim/);
    const few = await checked({ content: 'all lies (S/2023/123)' });
    expect(few).toMatch(/cites S\/2023\/123, which is not among the 5 letters/);
    expect(few).not.toMatch(/Not in the letters/);
  });

  it('says privately that words too few to be a claim are too short to check (user trial 24)', async () => {
    const short = await checked({ content: 'all lies' });
    expect(short).toMatch(/"all lies" is too short to check/);
    expect(short).not.toMatch(/Not in the letters|closest/i);
  });

  it('answers a bare link by whether the index holds its document', async () => {
    const held = await checked({ content: 'https://undocs.org/en/A/78/368' });
    expect(held).toMatch(/A\/78\/368.*in the index/);
    expect(held).toContain('`/letter');
    expect(held).not.toMatch(/no words to check/);
  });
});

describe('Check in letters on a claim that repeats its sentences (user trial 13)', () => {
  it('lists a sentence pasted many times once, and says it is from one passage, not "from different places"', async () => {
    const sentence = `${QUOTE}, of whom 61 people have died.`;
    const shown = await checked({ content: Array.from({ length: 60 }, () => sentence).join(' ') });
    expect(shown).toMatch(
      /Its sentence quoted verbatim, from one passage \(the claim says it 60 times\)/,
    );
    expect(shown).not.toMatch(/different places/);
    expect(shown.split('is quoted verbatim from')).toHaveLength(2);
  });

  it('says two sentences of one passage, quoted out of order, are from one passage', async () => {
    const shown = await checked({
      content:
        'There is neither marking nor fencing. Mines are indiscriminately deployed in the conflict-affected territories of Azerbaijan.',
    });
    expect(shown).toMatch(/Each sentence quoted verbatim, from one passage/);
    expect(shown).not.toMatch(/different places/);
  });
});
