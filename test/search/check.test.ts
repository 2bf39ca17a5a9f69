import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { checkClaim } from '../../src/search/check.ts';
import {
  checkPostedMessage,
  citedDocument,
  linkedDocument,
} from '../../src/search/posted-message.ts';
import { quotedSpan } from '../../src/search/quote-match.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { CORPUS_DIR, documentsOf, ROOT, SEED, tempDir } from '../helpers.ts';

/** Short speeches (Sweden's of 1997 among them), for claims about what a speaker said. */
const SPEECHES_DIR = path.join(ROOT, 'test/fixtures/speeches');
/** A sentence of A/78/368's letter, as written. */
const VICTIMS =
  'since the signing of the November 2020 Trilateral Statement, 314 citizens of Azerbaijan, both civilians and military, have become mine victims, 61 of whom have died.';

let index: SearchIndex;
beforeAll(async () => {
  index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
});

describe('checkClaim', () => {
  it('finds a pasted quote verbatim, even cut mid-word at both ends, with other quote marks', () => {
    const verdict = checkClaim(
      index,
      '“ines are indiscriminately deployed in the conflict‑affected territ”',
    );
    expect(verdict.kind).toBe('verbatim');
    if (verdict.kind === 'verbatim') {
      expect(verdict.letter.id).toBe(SEED.lachin);
      expect(verdict.passage.text).toContain('There is neither marking nor fencing.');
    }
  });

  it('never calls a claim that quotes whole sentences of a passage "not in the letters": the closest passages, that one first', () => {
    const quoted =
      'Mines are indiscriminately deployed in the conflict-affected territories of Azerbaijan. There is neither marking nor fencing. Around 3,300 persons became mine victims during the last 30 years. Since the signing of the Trilateral Statement of 10 November 2020, 232 persons have become mine victims, with 40 killed and 192 maimed by landmines. In a latest incident, on 20 and 21 August 2022, two Azerbaijani military servicemen received injuries from mine explosions in the liberated Lachin region.';
    const verdict = checkClaim(index, `${quoted} Azerbaijan is committed to`);
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close') {
      const [first] = verdict.answer.results;
      expect(first?.letterId).toBe(SEED.lachin);
      expect(first?.text).toContain(quoted);
    }
    // A claim that quotes nothing stays not in the letters.
    expect(checkClaim(index, 'Real Madrid won the Champions League').kind).toBe('absent');
  });

  it('shows the passage that states another year than the claim, and the year it states', () => {
    // Before: "Not in the letters: no passage states this or anything close to it."
    const verdict = checkClaim(index, 'The mines found in Lachin were produced in 2019');
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    const [difference] = verdict.figures ?? [];
    expect(difference).toMatchObject({ claim: '2019', passage: '2021' });
    expect(verdict.answer.results[difference?.result ?? -1]?.text).toMatch(
      /produced in (?:the Republic of )?Armenia in 2021/,
    );
  });

  it('shows the day a passage states where the claim gives another (user trial 22)', () => {
    const verdict = checkClaim(
      index,
      'A vehicle exploded on an anti-tank landmine in Khojavand on 21 September 2023',
    );
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.figures).toContainEqual(
      expect.objectContaining({ claim: '21 September', passage: 'September 19' }),
    );
    // The day as the passage writes it, whichever way round: no difference.
    const same = checkClaim(
      index,
      'A vehicle exploded on an anti-tank landmine in Khojavand on 19 September 2023',
    );
    if (same.kind === 'close') expect(same.figures ?? []).toEqual([]);
  });

  it('is not verbatim when one word differs: the closest passages instead', () => {
    const verdict = checkClaim(
      index,
      'Mines are carefully deployed in the conflict-affected territories',
    );
    expect(verdict.kind).toBe('close');
  });
});

describe('checkClaim on claims as people post them', () => {
  it('never calls a quote with a wrong date or other dashes "not in the letters": nearly as written, the words that differ named', () => {
    const wrongYear = checkClaim(
      index,
      'On September 19, 2022, a vehicle exploded on an anti-tank landmine planted in the Khojavand district',
    );
    expect(wrongYear.kind).toBe('close');
    if (wrongYear.kind === 'close') {
      expect(wrongYear.answer.results[0]?.letterId).toBe(SEED.khojavand);
      const [piece] = wrongYear.pieces;
      expect(piece?.exact).toBe(false);
      expect(piece?.result).toBe(0);
      expect(piece?.differences).toEqual([{ passage: '2023', claim: '2022' }]);
    }
    const dashes = checkClaim(
      index,
      '“Since the signing of the November 2020 Trilateral Statement, 314 citizens of Azerbaijan — both civilians and military — have become mine victims”',
    );
    expect(dashes.kind).toBe('close');
    if (dashes.kind === 'close') {
      expect(dashes.answer.results[0]?.letterId).toBe(SEED.khojavand);
      expect(dashes.pieces[0]?.differences).toEqual([]);
    }
  });

  it('names a wrong figure, a typo and a missing word as differences (words side by side as one)', () => {
    const verdict = checkClaim(
      index,
      'Since the signing of the November 2020 Trilateral Statment, 400 citizens of Azerbaijan, both civilians and military, have mine victims',
    );
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close') {
      expect(verdict.pieces[0]?.differences).toEqual([
        { passage: 'Statement, 314', claim: 'Statment, 400' },
        { passage: 'become', claim: '' },
      ]);
    }
  });

  it('names a changed last word as changed, as it names a changed first word (helper-42 found the ends read apart)', () => {
    const last = checkClaim(
      index,
      'On September 19, 2023, a vehicle exploded on an anti-tank landmine planted in the Khojavand region',
    );
    expect(last.kind).toBe('close');
    if (last.kind === 'close')
      expect(last.pieces[0]?.differences).toEqual([{ passage: 'district', claim: 'region' }]);
  });

  it('names words a claim leaves out as left out, not its own words as changed (user trial 6)', () => {
    const inside = checkClaim(
      index,
      'The practical utility of the minefield maps handed over by Armenia is around 25 per cent.',
    );
    expect(inside.kind).toBe('close');
    if (inside.kind === 'close')
      expect(inside.pieces[0]?.differences).toEqual([{ passage: 'of the records', claim: '' }]);
    const first = checkClaim(
      index,
      'The utility of the records of the minefield maps handed over by Armenia is around 25 per cent.',
    );
    expect(first.kind).toBe('close');
    if (first.kind === 'close')
      expect(first.pieces[0]?.differences).toEqual([{ passage: 'practical', claim: '' }]);
  });

  it('finds each sentence of a claim quoted from two letters, and a quote with a comment of its own', () => {
    const twoLetters = checkClaim(
      index,
      'Since the 44-day Patriotic War of 2020, the total number of landmine victims has reached 314 people, of whom 61 people have died. Around 3,300 persons became mine victims during the last 30 years.',
    );
    expect(twoLetters.kind).toBe('close');
    if (twoLetters.kind === 'close') {
      expect(twoLetters.pieces.map((p) => p.exact)).toEqual([true, true]);
      const sources = twoLetters.pieces.map((p) => twoLetters.answer.results[p.result]?.letterId);
      expect(sources).toEqual([SEED.khojavand, SEED.lachin]);
    }
    const commented = checkClaim(
      index,
      'Since the 44-day Patriotic War of 2020, the total number of landmine victims has reached 314 people\n\nthis is what they wrote lol',
    );
    expect(commented.kind).toBe('close');
    if (commented.kind === 'close') {
      expect(commented.pieces).toHaveLength(1);
      expect(commented.pieces[0]?.exact).toBe(true);
    }
  });

  it('finds no near quote in a paraphrase', () => {
    const verdict = checkClaim(
      index,
      'Azerbaijan says 314 people have been mine victims since the 2020 trilateral statement, and 61 of them died.',
    );
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close') expect(verdict.pieces).toEqual([]);
  });
});

describe('linkedDocument', () => {
  it('reads a link to a document by its front matter url, exactly, or by a symbol in its path', async () => {
    const url = 'https://www.example.org/statements/lachin.pdf';
    const letters = (await loadCorpus(CORPUS_DIR)).letters.map((l) =>
      l.id === SEED.lachin ? { ...l, url } : l,
    );
    const withUrl = SearchIndex.build(letters);
    expect(linkedDocument(withUrl, `see ${url} 1,318 mines`)).toMatchObject({
      by: 'link',
      symbol: 'A/76/930-S/2022/642',
      letter: { id: SEED.lachin },
    });
    expect(linkedDocument(withUrl, `${url}x`)).toBeNull();
    expect(linkedDocument(withUrl, 'https://undocs.org/en/A/78/368')).toMatchObject({
      letter: { id: SEED.khojavand },
    });
  });
});

describe('citedDocument', () => {
  it('reads a symbol alone in brackets ending a line as the claim’s source, left out of its words', () => {
    const cited = citedDocument(
      index,
      'Around 3,300 persons became mine victims. (A/76/930-S/2022/642).',
    );
    expect(cited?.claim).toBe('Around 3,300 persons became mine victims.');
    expect(cited?.cited).toMatchObject({ by: 'citation', letter: { id: SEED.lachin } });
    expect(citedDocument(index, 'One (S/2023/123)\nTwo [A/76/930]')?.cited).toBeNull();
  });

  it('leaves brackets that are words of the claim: a year, or a symbol inside a sentence', () => {
    expect(citedDocument(index, 'as resolution 2428 (2018)')).toBeNull();
    expect(citedDocument(index, 'The letter (A/76/930) says 1,318 mines were found')).toBeNull();
  });
});

describe('checkPostedMessage', () => {
  const sentence = 'Around 3,300 persons became mine victims during the last 30 years.';
  const posted = (content: string, words = content) =>
    checkPostedMessage(index, { content, words });

  it('checks the claim against the document a link in the message names, the link no words of it', () => {
    const link = 'https://undocs.org/en/A/76/930';
    const checked = posted(`${link} ${sentence}`, sentence);
    expect(checked).toMatchObject({
      kind: 'checked',
      claim: sentence,
      cites: { by: 'link', letter: { id: SEED.lachin } },
      searched: { letters: 1 },
      verdict: { kind: 'verbatim' },
    });
    // A/78/368 holds none of it: the letter that does is said (beyondCited), not "not quoted".
    const wrong = posted(`https://undocs.org/en/A/78/368 ${sentence}`, sentence);
    expect(wrong).toMatchObject({
      cites: { by: 'link', letter: { id: SEED.khojavand } },
      beyondCited: true,
      searched: { letters: 5 },
    });
  });

  it('reads a symbol in brackets ending a line as the document cited, and its words alone as the claim', () => {
    const checked = posted(`${sentence} (A/76/930)`);
    expect(checked).toMatchObject({
      kind: 'checked',
      claim: sentence,
      cites: { by: 'citation', letter: { id: SEED.lachin } },
      verdict: { kind: 'verbatim' },
    });
  });

  it('checks nothing beside a document not held when the words are too few to be a claim', () => {
    expect(posted('all lies (S/2023/123)')).toMatchObject({
      kind: 'citesOnly',
      claim: 'all lies',
      cites: { symbol: 'S/2023/123', letter: null },
    });
    expect(posted('   ')).toEqual({ kind: 'noWords' });
  });

  it('says the words are too few to be a claim beside a document held, unless it quotes them (user trial 33)', () => {
    expect(posted('all lies (A/76/930)')).toEqual({ kind: 'tooShort', claim: 'all lies' });
  });
});

describe('checkPostedMessage: a claim citing a document that does not hold it (user trial 9)', () => {
  const posted = (content: string, words = content) =>
    checkPostedMessage(index, { content, words });

  it('says which other document holds the claim, when the cited one holds no sentence of it', () => {
    // Before: checked against A/76/930 alone, "The claim’s “314” is in none of these passages;
    // A/76/930-S/2022/642, passage 14 states “232”": a misquote, where the citation is wrong.
    const checked = posted(
      'Since the signing of the November 2020 Trilateral Statement, 314 citizens of Azerbaijan have become mine victims (A/76/930)',
    );
    expect(checked).toMatchObject({
      kind: 'checked',
      cites: { by: 'citation', letter: { id: SEED.lachin } },
      beyondCited: true,
      searched: { letters: 5 },
    });
    if (checked.kind !== 'checked' || checked.verdict.kind !== 'close') throw new Error('close');
    const { pieces, answer, figures } = checked.verdict;
    expect(answer.results[pieces[0]?.result ?? -1]?.letterId).toBe(SEED.khojavand);
    expect(figures?.map((f) => f.passage)).not.toContain('232');
    // A sentence quoted as written, cited to another document: quoted verbatim there.
    const sentence = 'Around 3,300 persons became mine victims during the last 30 years.';
    expect(posted(`**${sentence}** [A/78/368]`, `${sentence} [A/78/368]`)).toMatchObject({
      beyondCited: true,
      verdict: { kind: 'verbatim', letter: { id: SEED.lachin } },
    });
  });

  it('says where the documents state a figure the cited document does not, and offers none of its own instead', () => {
    const mines = posted('azerbaijan says 500,000 mines were found after sept 2023 (A/78/368)');
    expect(mines).toMatchObject({ kind: 'checked', beyondCited: false, searched: { letters: 1 } });
    if (mines.kind !== 'checked' || mines.verdict.kind !== 'close') throw new Error('close');
    const [stated, ...more] = mines.verdict.figures ?? [];
    expect(more).toEqual([]);
    expect(stated).toMatchObject({ claim: '500,000', elsewhere: true });
    expect(mines.verdict.answer.results[stated?.result ?? -1]?.letterId).toBe(
      SEED.awarenessDay2024,
    );
    // Before: "A/76/930-S/2022/642, passage 15 states “134”", a count of something else.
    const link = 'https://undocs.org/en/A/76/930';
    const victims = posted(
      `${link} 314 citizens became mine victims`,
      '314 citizens became mine victims',
    );
    if (victims.kind !== 'checked' || victims.verdict.kind !== 'close') throw new Error('close');
    expect(victims.verdict.figures).toEqual([
      expect.objectContaining({ claim: '314', passage: '314', elsewhere: true }),
    ]);
    const where = victims.verdict.answer.results[victims.verdict.figures?.[0]?.result ?? -1];
    expect(where?.letterId).toBe(SEED.khojavand);
    // A second figure the passage added for the first states is stated there too, not "in none
    // of these passages" with the cited letter's "40" instead (user trial 25).
    const died = posted('314 citizens became mine victims, 61 of whom have died (A/76/930)');
    if (died.kind !== 'checked' || died.verdict.kind !== 'close') throw new Error('close');
    const [first, second, ...others] = died.verdict.figures ?? [];
    expect(others).toEqual([]);
    expect(first).toMatchObject({ claim: '314', elsewhere: true });
    expect(second).toEqual({ claim: '61', result: first?.result, passage: '61', elsewhere: true });
  });

  it('stays with the cited document when it holds the claim', () => {
    const sentence = 'Around 3,300 persons became mine victims during the last 30 years.';
    expect(posted(`${sentence} (A/76/930)`)).toMatchObject({
      beyondCited: false,
      searched: { letters: 1 },
      verdict: { kind: 'verbatim', letter: { id: SEED.lachin } },
    });
  });
});

describe('checkClaim: words of attribution before a quote (user trial 9)', () => {
  let speeches: SearchIndex;
  beforeAll(async () => {
    speeches = SearchIndex.build((await loadCorpus(SPEECHES_DIR)).letters);
  });
  const quote = 'Norway and Sweden received 4,000 refugees from the Balkans in 1997';

  it('reads "Sweden says" before a quote of Sweden’s speech as naming its source, not as words the claim adds', () => {
    // Before: "nearly as written …, except: the claim adds “Sweden says”".
    expect(checkClaim(speeches, `Sweden says ${quote}`)).toMatchObject({ kind: 'verbatim' });
    expect(checkClaim(index, `Azerbaijan claims that ${VICTIMS}`)).toMatchObject({
      kind: 'verbatim',
      letter: { id: SEED.khojavand },
    });
  });

  it('names only the words that differ after "According to …,"', () => {
    const verdict = checkClaim(
      index,
      `According to the 2023 letter, ${VICTIMS.replace('have died', 'died')}`,
    );
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close')
      expect(verdict.pieces[0]?.differences).toEqual([{ passage: 'have', claim: '' }]);
  });

  it('still names the speaker as a difference when it is not the passage’s', () => {
    // Before user trial 23: the claim "adds “Norway says”"; now: the words are Sweden's, not Norway's.
    const verdict = checkClaim(speeches, `Norway says ${quote}`);
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close')
      expect(verdict.pieces[0]).toMatchObject({ speaker: 'Norway', differences: [] });
  });
});

describe('checkClaim: a claim that reverses a passage, or gives it to another speaker (user trial 21)', () => {
  it('names the negation a claim leaves out, however short the sentence', () => {
    const verdict = checkClaim(index, 'There is marking and fencing.');
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.pieces).toHaveLength(1);
    expect(verdict.pieces[0]?.differences).toEqual([
      { passage: 'neither', claim: '' },
      { passage: 'nor', claim: 'and' },
    ]);
    expect(verdict.answer.results[0]?.text).toContain('There is neither marking nor fencing.');
  });

  it('does not read a claim that changes other words as reversed', () => {
    const verdict = checkClaim(index, 'There is marking and signage.');
    if (verdict.kind === 'close')
      for (const piece of verdict.pieces)
        expect(piece.differences).not.toContainEqual({ passage: 'neither', claim: '' });
  });

  it('names a speaker the passage is not by as a difference', () => {
    const verdict = checkClaim(index, 'Armenia says there is neither marking nor fencing.');
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.pieces[0]).toMatchObject({ speaker: 'Armenia', differences: [] });
    // Whose passage it is: the claim's words of attribution name it.
    expect(checkClaim(index, 'Azerbaijan says there is neither marking nor fencing.').kind).toBe(
      'verbatim',
    );
  });
});

describe('checkClaim: words quoted as written after the wrong speaker (user trial 23)', () => {
  it('names the speaker, not the words before the quote in the passage, as the difference', async () => {
    const two = SearchIndex.build(
      await documentsOf({
        'serbia.md':
          '---\ntitle: "Statement by Serbia in the general debate"\ndate: 2023\nauthor: "Serbia"\nkind: speech\n---\nThat was the victory of those 19 against small Serbia. 70 per cent of Serbs from Kosovo and Metohija have left their homes, and much has changed since.\n',
        'albania.md':
          '---\ntitle: "Statement by Albania in the general debate"\ndate: 2023\nauthor: "Albania"\nkind: speech\n---\nAlbania supports the dialogue facilitated by the European Union.\n',
      }),
    );
    // Before: 'the passage has "small Serbia" where the claim has "Albania says"'.
    const verdict = checkClaim(
      two,
      'Albania says 70 per cent of Serbs from Kosovo and Metohija have left their homes.',
    );
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.pieces[0]).toMatchObject({ speaker: 'Albania', differences: [] });
  });
});

describe('checkClaim: the words that differ are read as the fewest changed (user trial 10)', () => {
  let speeches: SearchIndex;
  beforeAll(async () => {
    speeches = SearchIndex.build((await loadCorpus(SPEECHES_DIR)).letters);
  });

  it('reads a claim that leaves out words the passage has beside a word of the claim as leaving them out, not as that word changed', () => {
    // The passage: "Norway and Sweden received 4,000 refugees from the Balkans in 1997". Before:
    // "the passage has “Sweden” where the claim has “Norway”", which tells a moderator the claim
    // names the wrong country when the passage names Norway too.
    const verdict = checkClaim(speeches, 'Norway received 4,000 refugees from the Balkans in 1997');
    expect(verdict.kind).toBe('close');
    if (verdict.kind === 'close')
      expect(verdict.pieces[0]?.differences).toEqual([{ passage: 'and Sweden', claim: '' }]);
  });
});

describe('quotedSpan', () => {
  it('finds a claim in a passage as the check reads both: case, accents, quote marks, dashes and spaces aside', () => {
    const text = 'Then the Chargé d’affaires said:\n“Mines   are — here”. Nothing more.';
    const span = quotedSpan(text, 'chargé d\'affaires said: "mines are - here"');
    expect(span && text.slice(span.start, span.end)).toBe(
      'Chargé d’affaires said:\n“Mines   are — here',
    );
    expect(quotedSpan(text, 'mines are not here')).toBeNull();
  });
});

describe('checkClaim: a figure the passage states otherwise is the difference named (user trial 13)', () => {
  it('names the year a near quote changed, not the words the alignment paired it with', async () => {
    // Before: 'the passage has “and explosive” where the claim has “in 2018”'.
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'report.md'),
      '---\nsymbol: A/75/999\ndate: 2020-08-10\nkind: report\ntitle: Assistance in mine action\n---\n4. The number of casualties recorded globally remained high. According to the Landmine Monitor, 5,554 people were killed or injured by mines and explosive remnants of war in 2019, and civilians made up 80 per cent of the casualties for whom the status was known.\n',
    );
    const report = SearchIndex.build((await loadCorpus(dir)).letters);
    const verdict = checkClaim(report, '5,554 people were killed or injured by mines in 2018');
    expect(verdict.kind).toBe('close');
    if (verdict.kind !== 'close') return;
    expect(verdict.pieces.map((p) => p.differences)).toEqual([
      [{ passage: '2019', claim: '2018' }],
    ]);
    // Named once: not again as a figure none of the passages states.
    expect(verdict.figures).toEqual([]);
  });

  it('checks a sentence repeated in a claim once, and counts the repeats', () => {
    const sentence = `S${VICTIMS.slice(1)}`;
    const verdict = checkClaim(index, Array.from({ length: 5 }, () => sentence).join(' '));
    expect(verdict).toMatchObject({ kind: 'close', sentences: 1, repeated: 4 });
    if (verdict.kind === 'close') expect(verdict.pieces).toHaveLength(1);
  });
});
