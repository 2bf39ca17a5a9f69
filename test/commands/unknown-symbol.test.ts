import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../commands/context.ts';
import { handleInteraction } from '../../commands/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { renderAnswerText } from '../../src/render/text.ts';
import { answerQuestion } from '../../src/search/answer.ts';
import { slash } from '../e2e/payloads.ts';
import { CORPUS_DIR, handlerContext } from '../helpers.ts';

let ctx: HandlerContext;
beforeAll(async () => {
  ctx = handlerContext((await loadCorpus(CORPUS_DIR)).letters);
});

async function asked(question: string) {
  const outcome = await handleInteraction(
    slash('ask', [{ name: 'question', type: 3, value: question }]) as never,
    ctx,
  );
  if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
  return outcome.reply;
}

const shown = (reply: Awaited<ReturnType<typeof asked>>) =>
  [
    reply.content ?? '',
    ...reply.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`),
  ].join('\n');

describe('/ask of a symbol no document has', () => {
  it('says so privately and points to /letters, with no unrelated closest passages', async () => {
    const reply = await asked('A/99/999');
    expect(reply.ephemeral).toBe(true);
    expect(shown(reply)).toContain('A/99/999');
    expect(shown(reply)).toContain('`/letters`');
    expect(shown(reply)).not.toMatch(/closest/i);
    expect(reply.embeds.length).toBeLessThanOrEqual(1);
    expect(reply.continuation ?? []).toEqual([]);
  });

  it('keeps the closest passages when the question has words besides the symbol', async () => {
    const reply = await asked('S/2023/123 mines');
    expect(shown(reply)).toMatch(/closest/i);
  });

  it('in the CLI, points to `letters`', async () => {
    const { SearchIndex } = await import('../../src/search/index.ts');
    const index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
    const text = renderAnswerText(answerQuestion(index, 'A/99/999'));
    expect(text).toContain('A/99/999');
    expect(text).toContain('npm run cli -- letters');
    expect(text).not.toMatch(/closest/i);
  });
});
