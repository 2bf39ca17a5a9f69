import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { handleInteraction } from '../../commands/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import type { Reply } from '../../src/render/discord.ts';
import { autocomplete, slash } from '../e2e/payloads.ts';
import { CORPUS_DIR, handlerContext, ROOT } from '../helpers.ts';
import path from 'node:path';

type Option = { name: string; type: number; value: string | number };

let ctx: HandlerContext;
let all: Letter[];
beforeAll(async () => {
  const seed = (await loadCorpus(CORPUS_DIR)).letters;
  const speeches = (await loadCorpus(path.join(ROOT, 'test/fixtures/speeches'))).letters;
  all = [...seed, ...speeches];
  ctx = handlerContext(all);
});

async function listed(options: Option[]): Promise<Reply> {
  const outcome = await handleInteraction(slash('letters', options) as never, ctx);
  if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
  return outcome.reply;
}

const text = (reply: Reply) =>
  [
    reply.content ?? '',
    ...reply.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`),
  ].join('\n');

/** The next page's button of a reply, pressed: the page it shows. */
async function next(reply: Reply): Promise<Reply> {
  const id = reply.components
    .flatMap((r) => r.components)
    .find((b) => 'label' in b && b.label === 'Next');
  if (!id || !('custom_id' in id)) throw new Error('no Next button');
  const outcome = await handleInteraction(
    {
      ...slash('letters'),
      type: 3,
      message: { id: '1', embeds: reply.embeds, flags: 0 },
      data: { custom_id: id.custom_id, component_type: 2 },
    } as never,
    ctx,
  );
  if (outcome.type !== 'update') throw new Error(`no update: ${outcome.type}`);
  return outcome.reply;
}

describe('/letters footer', () => {
  it('says when the index was built, not what quotes are: a list quotes nothing (user trial 7)', async () => {
    const footer = (await listed([])).embeds[0]?.footer?.text ?? '';
    expect(footer).toMatch(/index built/);
    expect(footer).not.toMatch(/quotes are|passage numbers/);
  });
});

describe('/letters filters', () => {
  it('offers kind, author and year, the first two completed from the corpus', async () => {
    const { letters } = await import('../../commands/letters.ts');
    const names = (letters.data.options ?? []).map((o) => o.name);
    expect(names).toEqual(['kind', 'author', 'year']);
    const kinds = await handleInteraction(
      autocomplete('letters', [{ name: 'kind', type: 3, value: 'sp', focused: true }]) as never,
      ctx,
    );
    expect(kinds.type === 'choices' && kinds.choices.map((c) => c.value)).toEqual(['speech']);
    const authors = await handleInteraction(
      autocomplete('letters', [{ name: 'author', type: 3, value: 'nor', focused: true }]) as never,
      ctx,
    );
    expect(authors.type === 'choices' && authors.choices.map((c) => c.value)).toEqual(['Norway']);
  });

  it('lists only what matches, saying which filter it applied and how to see all', async () => {
    const reply = await listed([
      { name: 'kind', type: 3, value: 'speech' },
      { name: 'author', type: 3, value: 'norway' },
    ]);
    const shown = text(reply);
    expect(shown).toMatch(/kind speech/i);
    expect(shown).toMatch(/author Norway/);
    expect(shown).toContain('2 of 17');
    expect(shown).toContain('`/letters`');
    expect(shown).toContain('Statement by Norway in the general debate of the 52nd session');
    expect(shown).not.toMatch(/Sweden|Azerbaijan/);
    const year = text(await listed([{ name: 'year', type: 4, value: 1997 }]));
    expect(year).toMatch(/Norway/);
    expect(year).toMatch(/Sweden/);
    expect(year).not.toMatch(/Armenia|Azerbaijan/);
  });

  it('offers the State an author speaks for, as its documents are headed, with all its documents (user trial 7)', async () => {
    const offered = await handleInteraction(
      autocomplete('letters', [{ name: 'author', type: 3, value: 'azer', focused: true }]) as never,
      ctx,
    );
    const choices = offered.type === 'choices' ? offered.choices : [];
    const azerbaijan = all.filter((l) => /Azerbaijan/.test(l.author ?? '')).length;
    expect(azerbaijan).toBeGreaterThan(1);
    expect(choices[0]).toEqual({ name: `Azerbaijan (${azerbaijan})`, value: 'Azerbaijan' });
    const shown = text(await listed([{ name: 'author', type: 3, value: 'Azerbaijan' }]));
    expect(shown).toContain(`Filter: author Azerbaijan.`);
    expect(shown).toContain(`${azerbaijan} of 17`);
    const palestine = await handleInteraction(
      autocomplete('letters', [
        { name: 'author', type: 3, value: 'pales', focused: true },
      ]) as never,
      ctx,
    );
    expect(palestine.type === 'choices' && palestine.choices.map((c) => c.name)).toEqual([
      'State of Palestine (1)',
    ]);
  });

  it('takes an author by another of its names, as a question does (user trial 23)', async () => {
    // Its people ("norwegian"), the glossary's abbreviation ("SG"), its ISO code ("GAB").
    expect(text(await listed([{ name: 'author', type: 3, value: 'norwegian' }]))).toContain(
      'Filter: author Norway.',
    );
    expect(text(await listed([{ name: 'author', type: 3, value: 'SG' }]))).toContain(
      'Filter: author Secretary-General.',
    );
    expect(text(await listed([{ name: 'author', type: 3, value: 'GAB' }]))).toContain(
      'Filter: author Gabon.',
    );
    // A people whose State several senders name ("Permanent Representative of Azerbaijan …"):
    // the State (user trial 25).
    expect(text(await listed([{ name: 'author', type: 3, value: 'azerbaijani' }]))).toContain(
      'Filter: author Azerbaijan.',
    );
  });

  it('keeps the filter on the next page', async () => {
    const first = await listed([{ name: 'kind', type: 3, value: 'speech' }]);
    expect(text(first)).toContain('11 of 17');
    const second = await next(first);
    expect(text(second)).toMatch(/kind speech/i);
    expect(text(second)).toContain('Page 2 of 2');
    expect(text(second)).not.toMatch(/Azerbaijan|Secretary-General/);
  });

  it('says privately and plainly when nothing matches, what did not, and how to see all', async () => {
    const none = await listed([
      { name: 'kind', type: 3, value: 'speech' },
      { name: 'year', type: 4, value: 1850 },
    ]);
    expect(none.ephemeral).toBe(true);
    expect(text(none)).toMatch(/^No document/);
    expect(text(none)).toContain('1850');
    // The years beside the one asked, not a span that holds it (user trial 26: "none is dated
    // 2025 (they are dated 1955 – 2026)").
    expect(text(none)).toMatch(/none is dated 1850 \(the earliest documents are of \d{4}\)/);
    const between = text(await listed([{ name: 'year', type: 4, value: 2010 }]));
    expect(between).toMatch(
      /none is dated 2010 \(the nearest years with documents are \d{4} and \d{4}\)/,
    );
    expect(text(none)).toMatch(/`\/letters` without options lists all 17/);
    const author = text(await listed([{ name: 'author', type: 3, value: 'France' }]));
    expect(author).toContain('no author is named "france"');
    expect(author).toMatch(/the authors include Azerbaijan \(\d+\), Norway \(2\)/);
    expect(author).toMatch(/ and \d+ more\)/);
    const kind = await listed([{ name: 'kind', type: 3, value: 'poem' }]);
    expect(kind.ephemeral).toBe(true);
    expect(text(kind)).toMatch(/speech/);
    expect(text(kind)).toMatch(/letter/);
  });
});
