import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { answerQuestion, SearchIndex } from '../../src/search/index.ts';
import { openCorpus } from '../../src/search/cache.ts';
import { askExamples, topicExamples } from '../../src/search/examples.ts';
import { CORPUS_DIR, ROOT, tempDir } from '../helpers.ts';

/**
 * The how-to-ask examples made from a corpus: made-up documents where the commonest noun is a
 * piece of names ("the Republic of Angola", "the Central African Republic"), where the author's
 * name takes "the", and where the subject is a field's word WordNet lacks ("landmine").
 */
const EXAMPLES_DIR = path.join(ROOT, 'test/fixtures/examples');
let examples: readonly string[];
let topical: readonly string[];
beforeAll(async () => {
  const index = SearchIndex.build((await loadCorpus(EXAMPLES_DIR)).letters);
  examples = askExamples(index, (question) => answerQuestion(index, question));
  topical = topicExamples(index, (question) => answerQuestion(index, question));
});

/** What each example asks about: the words after "about" (and before the year). */
function topics(questions: readonly string[]): string[] {
  return questions.map((q) => /about (.+?)(?: in \d{4})?\?$/.exec(q)?.[1] ?? q);
}

describe('how-to-ask examples made from the corpus', () => {
  it('ask about a subject of the document, never a word of a longer name ("Republic")', () => {
    expect(topical).toContain('What did Angola say about refugees in 2016?');
    for (const topic of topics(topical))
      expect(topic).not.toMatch(/^(?:Republic|Council|Security|Democratic|Congo|Lakes)$/);
  });

  it('name a State the way its own speech does ("the Central African Republic")', () => {
    expect(
      topical.some((q) => q.startsWith('What did the Central African Republic say about')),
    ).toBe(true);
  });

  it('ask about a field’s word WordNet lacks, as people write it ("landmines")', () => {
    expect(topical).toContain('What does the letter of 4 April 2024 say about landmines?');
  });

  it('never ask about a word the document uses as a verb, though WordNet knows it as a noun ("plant")', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, '2025-09-24-freedonia.md'),
      [
        '---',
        'title: "Statement by Freedonia in the general debate of the 80th session"',
        'date: 2025-09-24',
        'author: "Freedonia"',
        'kind: speech',
        '---',
        'Mr. President, let me begin by congratulating you on your election.',
        '',
        'Freedonia has planted 12 million trees since 2019 to restore its northern forests, and we',
        'will plant 3 million more by 2027.',
        '',
        'Drought has displaced 45,000 people in the southern provinces this year. We appeal to the',
        'international community for support with water infrastructure.',
        '',
      ].join('\n'),
    );
    const index = SearchIndex.build((await loadCorpus(dir)).letters);
    const asked = topics(topicExamples(index, (q) => answerQuestion(index, q)));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).not.toContain('plant');
  });

  it('read as people write: "about the ocean", and a report that gives, not "reports", its figures (user trial 23)', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, '2025-09-24-freedonia.md'),
      '---\ntitle: "Statement by Freedonia in the general debate"\ndate: 2025-09-24\nauthor: "Freedonia"\nkind: speech\n---\nOcean warming threatens Freedonia, and ocean life feeds our people.\n\nOur fishermen depend on ocean health, and ocean action cannot wait.\n',
    );
    await writeFile(
      path.join(dir, '2025-08-08-report.md'),
      '---\ntitle: "Cholera in the region: report of the Secretary-General"\ndate: 2025-08-08\nauthor: "Secretary-General"\nkind: report\n---\n1. In 2024, 4,318 cases of cholera were recorded in the region.\n\n2. Treatment centres were opened in three districts.\n',
    );
    const index = SearchIndex.build((await loadCorpus(dir)).letters);
    const asked = topicExamples(index, (q) => answerQuestion(index, q));
    const offered = askExamples(index, (q) => answerQuestion(index, q));
    // Before: "What did Freedonia say about ocean in 2025?", "… does the report of … report?".
    expect(asked.join(' ')).toMatch(/about the ocean\b/);
    expect(offered.join(' ')).not.toMatch(/report of [^?]* report\?/);
  });

  it('ask each about another word, also where every document speaks of one name', async () => {
    // Every seed letter is most about Armenia; the examples show three of their subjects.
    const index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
    const asked = topics(topicExamples(index, (q) => answerQuestion(index, q))).map((t) =>
      t.toLowerCase(),
    );
    expect(asked.length).toBeGreaterThan(1);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('show the range of what Annex answers (a figure, who signed, a date, a place), each answered, not only what a document "says about" a word (user trial 6)', async () => {
    const index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
    const offered = askExamples(index, (q) => answerQuestion(index, q));
    const form = (q: string) =>
      /^How many\b/.test(q)
        ? 'figure'
        : /^Who\b/.test(q)
          ? 'who'
          : /^(?:When\b|What happened on \d)/.test(q)
            ? 'date'
            : /^(?:Where\b|What happened in \p{Lu})/u.test(q)
              ? 'place'
              : 'about';
    const forms = offered.map(form);
    expect(offered.length).toBe(3);
    expect(new Set(forms).size, offered.join(' | ')).toBe(3);
    expect(forms.filter((f) => f === 'about').length, offered.join(' | ')).toBeLessThanOrEqual(1);
    for (const question of offered)
      expect(answerQuestion(index, question).abstained, question).toBe(false);
  });

  it('name different documents, of different kinds where the corpus holds several, each answered (user trial 7)', async () => {
    const dir = await tempDir();
    for (const from of [CORPUS_DIR, path.join(ROOT, 'test/fixtures/speeches')])
      for (const name of await readdir(from))
        await copyFile(path.join(from, name), path.join(dir, name));
    const letters = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
    const mixed = SearchIndex.build((await loadCorpus(dir)).letters);
    for (const index of [letters, mixed]) {
      const offered = askExamples(index, (q) => answerQuestion(index, q));
      const answering = offered.map((q) => {
        const answer = answerQuestion(index, q);
        expect(answer.abstained, q).toBe(false);
        return index.letters.find((l) => l.id === answer.results[0]?.letterId);
      });
      expect(offered.length).toBe(3);
      expect(new Set(answering.map((d) => d?.id)).size, offered.join(' | ')).toBe(3);
      if (index === mixed)
        expect(new Set(answering.map((d) => d?.kind)).size, offered.join(' | ')).toBeGreaterThan(1);
    }
  });

  it('are saved with the index and offered by the loaded one without asking anything', async () => {
    const cache = await tempDir();
    const built = await openCorpus(EXAMPLES_DIR, cache);
    const loaded = await openCorpus(EXAMPLES_DIR, cache);
    expect([built.source, loaded.source]).toEqual(['built', 'loaded']);
    let asked = 0;
    const offered = askExamples(loaded.index, (question) => {
      asked += 1;
      return answerQuestion(loaded.index, question);
    });
    expect(offered).toEqual(examples);
    expect(asked).toBe(0);
  });
});
