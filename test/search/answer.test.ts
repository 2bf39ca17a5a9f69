import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { formatCitation } from '../../src/search/cite.ts';
import {
  analyze,
  type Answer,
  type AnswerResult,
  answerQuestion,
  type AskOptions,
  parseQuestion,
  RELATED_LIMIT,
  SearchIndex,
} from '../../src/search/index.ts';
import { CORPUS_DIR, documentsOf, SEED } from '../helpers.ts';
import { NO_WORDS } from '../../src/search/answer.ts';

/**
 * Questions about the seed letters, end to end, as a user asks them: what they are shown. Each
 * expectation here is one the fitted model meets with a wide margin (answered well above its
 * threshold, or abstaining well below it); labelled questions it meets narrowly or not at all
 * are in `eval/rules-era-questions.json`, where they are scored, not asserted.
 */

let index: SearchIndex;
let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
  index = SearchIndex.build(letters);
});

const ask = (question: string, options: AskOptions = {}) =>
  answerQuestion(index, question, options);
const quoted = (answer: Answer) => answer.results.map((r) => r.text);

/** That a question is answered, one of its first `within` results quoting `quote`. */
function expectAnswered(question: string, quote: RegExp, within = 1): AnswerResult[] {
  const answer = ask(question);
  expect(answer.abstained, `"${question}" is answered`).toBe(false);
  expect(
    answer.results
      .slice(0, within)
      .map((r) => r.text)
      .join('\n\n'),
  ).toMatch(quote);
  return answer.results;
}

/** That every passage shown is the letter's own text, excerpted from it and cited. */
function expectQuotedAndCited(answer: Answer): void {
  for (const r of [...answer.results, ...answer.related]) {
    const letter = letters.find((l) => l.id === r.letterId);
    if (!letter) throw new Error(`no letter ${r.letterId}`);
    expect(letter.text).toContain(r.text);
    expect(r.text).toContain(r.excerpt);
    for (const h of r.highlights) {
      expect(h.start).toBeGreaterThanOrEqual(0);
      expect(h.end).toBeLessThanOrEqual(r.excerpt.length);
      expect(h.start).toBeLessThan(h.end);
    }
    const passage =
      r.passage === 0
        ? { n: 0, part: r.part, partIndex: r.partIndex, pages: r.pages }
        : letter.passages.find((p) => p.n === r.passage && p.part === r.part);
    if (!passage) throw new Error(`no passage ${r.passage} in ${r.letterId}`);
    expect(r.citation).toBe(formatCitation(letter, { ...passage, start: 0, end: 0, text: '' }));
    expect(r.citation).toMatch(
      r.passage === 0 ? /, heading$/ : /, passage \d+ \(numbered by the Annex bot\)$/,
    );
    expect(r.url).toBe(letter.symbols[0] ? `https://undocs.org/en/${letter.symbols[0]}` : null);
  }
}

describe('answerQuestion: every quote is verbatim and cited', () => {
  it.each([
    'How many mine victims were there by September 2023?',
    'who signed the 2022 letter',
    'when was the note verbale dated',
    'what did the foreign minister say about the minefield maps',
    'trilatral statment cesation of military activites',
    '"neither marking nor fencing"',
    'recommend a good movie for tonight',
    'how many dogs were killed by mines',
  ])('%j', (question) => {
    const answer = ask(question, { limit: 10 });
    expect(answer.results.length + answer.related.length).toBeGreaterThan(0);
    expectQuotedAndCited(answer);
  });

  it('in a listing too', () => {
    const listing = ask('mines', { list: true, limit: 40 });
    expect(listing.results.length).toBeGreaterThan(10);
    expectQuotedAndCited(listing);
  });
});

describe('answerQuestion: plain factual questions', () => {
  it.each<[string, RegExp]>([
    ['How many mine victims were there by September 2023?', /\b314\b/],
    ['how many mine victims by september 2023', /\b314\b/],
    ['1318 mines', /amounts to 1,318 pieces/],
    ['1,318 mines', /amounts to 1,318 pieces/],
    ['In the letter dated 24 August 2022, how many mines were found?', /amounts to 1,318 pieces/],
    ['how many civilians were killed in khojavand', /2 civilians were killed/],
    ['how many servicemen died near the new road tunnel', /4 servicemen .* were killed/],
    [
      'acording to the 2024 statment, how many people lost their lives',
      /65 persons lost their lives/,
    ],
    ['lol so they found half a million mines??', /over 500,000 landmines/],
    ['how many landmines has Azerbaijan detected since the war', /over 500,000 landmines/],
    [
      'how many AP mines produced in 2021 were found',
      /anti-personnel landmines identified .* amounts to 1,318 pieces|2,700 anti-personnel landmines/,
    ],
    [
      'how many citizens were seriously injured according to the geneva note verbale',
      /85 citizens, including 16 civilians have been seriously injured/,
    ],
    ['how many percent of incidents happened outside the mapped areas', /55 per cent of recent/],
    ['what was the percentige of incidents outside the mapped areas', /55 per cent of recent/],
    ['what percentage of the minefield maps were accurate', /25 per cent/],
    [
      'When was the trilateral statement signed?',
      /Trilateral Statement by the leaders of .* on 10 November 2020/,
    ],
    ['what was signed on 10 november 2020', /on 10 November 2020/],
    // Two passages tell it: "signed the document on cessation of military activities on 10
    // November 2020" and "the signing of the Trilateral Statement … on 10 November 2020".
    ['when did armenia sign the ceasfire', /sign(?:ed|ing) .*on 10 November 2020/],
    [
      'trilatral statment cesation of military activites',
      /cessation of (?:all )?military activities|end to all military activities/,
    ],
    ['mines marked 3-001M', /marked 3-001M/],
    [
      'What happened in Khojavend in September 2023?',
      /(?:explosions|exploded) .*in the Khojave?a?nd district/,
    ],
    ['what happened on sept 19 2023', /^On September 19, 2023/],
    ['what happened to the car in khojavand', /a vehicle exploded/],
    ['what did the MFA press release say about condolences', /condolences/],
    [
      'internationally recognized territories occupied for three decades',
      /three decades of occupation of the internationally recognized territories/,
    ],
    ['what did the foreign minister say about the minefield maps', /minefield|mines/i],
    ['what did the prosecutor general say about mine victims', /Prosecutor General/],
    ['who is Yashar Aliyev', /Yashar Aliyev/],
  ])('%j → %s', (question, quote) => {
    expectAnswered(question, quote);
  });

  it.each<[string, RegExp]>([
    ['where were the lachin mines manufactured', /produced in (?:the Republic of )?Armenia/],
    [
      'wait so armenia made the mines in 2021??',
      /produced in (?:the Republic of )?Armenia in 2021/,
    ],
  ])('%j → %s among the first three', (question, quote) => {
    expectAnswered(question, quote, 3);
  });

  it('answers each part of a question that asks two things', () => {
    const texts = quoted(
      ask(
        'How many anti-personnel mines were found in Lachin in one week, and who planted the anti-tank landmine in Khojavand?',
      ),
    );
    expect(texts.some((t) => t.includes('1,318 pieces'))).toBe(true);
    expect(texts.some((t) => t.includes('sabotage group'))).toBe(true);
  });

  it('prefers letters of the time the question names', () => {
    expect(ask('civilians killed by mines in 2021').results[0]?.date).toMatch(/^2021/);
    expect(ask('civilians killed by mines in 2023').results[0]?.date).toMatch(/^2023/);
    const august = ask('What happened on 20 and 21 August 2022?');
    expect(august.abstained).toBe(false);
    expect(august.results[0]?.letterId).toBe(SEED.lachin);
  });

  it('keeps to the letter the question names', () => {
    const answer = ask('what did the latest letter say about maps', { limit: 5 });
    expect(answer.abstained).toBe(false);
    expect(answer.results.every((r) => r.letterId === SEED.awarenessDay2024)).toBe(true);
    expect(ask('which letter is a note verbale').results[0]?.letterId).toBe(SEED.hrcNote);
    // Named only by its place in time: the latest letter need not say "latest".
    const latest = ask("what's the latest letter");
    expect(latest.abstained).toBe(false);
    expect(latest.results[0]?.letterId).toBe(SEED.awarenessDay2024);
    // "document", as "letter", names them (user trial 14: it quoted "as a document of …").
    for (const question of ['which is the latest document', 'what is the most recent document']) {
      const [first] = ask(question).results;
      expect(first?.letterId, question).toBe(SEED.awarenessDay2024);
      expect(first?.text, question).not.toMatch(/\bdocument\b/);
    }
    expect(
      ask('Which office of the UN received the note verbale from Geneva?').results[0]?.letterId,
    ).toBe(SEED.hrcNote);
  });

  it('answers a question that only names a document with its opening, then its main part', () => {
    for (const question of [
      'A/78/368',
      'what does https://undocs.org/en/A/78/368 say',
      'show me the 2022 letter',
      'the april 2024 letter',
    ]) {
      const answer = ask(question);
      expect(answer.abstained, question).toBe(false);
      const [first, second] = answer.results;
      const letter = letters.find((l) => l.id === first?.letterId);
      // The letter's own first passage, quoted from its start: not its masthead, not any passage.
      expect(first?.passage, question).toBe(letter?.passages[0]?.n);
      expect(first?.part, question).toBe('letter');
      expect(first?.text.startsWith(first.excerpt), question).toBe(true);
      expect(first?.text, question).toMatch(/^I have the honour to transmit/);
      // Then the annex it transmits, from its first paragraph.
      expect(second?.letterId, question).toBe(first?.letterId);
      expect(second?.part, question).toBe('annex');
      expect(second?.passage, question).toBe(letter?.passages.find((p) => p.part === 'annex')?.n);
      expectQuotedAndCited(answer);
    }
    // Named by the order said of it.
    const oldest = ask('which of these letters is the oldest').results[0];
    expect([oldest?.letterId, oldest?.passage]).toEqual([SEED.minefieldInfo, 1]);
    // Asked about something, it is searched as before.
    expect(ask('mines in the 2022 letter').results[0]?.passage).not.toBe(1);
  });

  it('answers what a document named by its kind says, or is about, from its text, not its headings', () => {
    for (const [question, id] of [
      ['what did the press release say', SEED.khojavand],
      ['what is the press release about', SEED.khojavand],
      ['what did the note verbale say', SEED.hrcNote],
      ["what's the note verbale about", SEED.hrcNote],
    ] as const) {
      const answer = ask(question);
      expect(answer.abstained, question).toBe(false);
      const [first] = answer.results;
      expect(first?.letterId, question).toBe(id);
      // Its first paragraph of text: no heading, masthead or editorial note that names the kind.
      expect(first?.citation ?? '', question).not.toMatch(/heading/);
      expect(first?.text, question).not.toMatch(/^(Annex to|General Assembly|\*)/);
      expectQuotedAndCited(answer);
    }
  });
});

describe('answerQuestion: who signed, who sent, when', () => {
  it('quotes both signatures for who signed "the 2022 letter": the letter and the one it annexes are of 2022', () => {
    const answer = ask('who signed the 2022 letter');
    expect(answer.abstained).toBe(false);
    const shown = answer.results.slice(0, 2).map((r) => r.text);
    expect(shown).toContain("(Signed) Tofig Musayev Chargé d'affaires a.i.");
    expect(shown).toContain('(Signed) Jeyhun Bayramov');
  });

  it('quotes the minister’s signature for who wrote the annex', () => {
    const [first] = expectAnswered(
      'Who wrote the annex to the August 2022 letter?',
      /^\(Signed\) Jeyhun Bayramov$/,
    );
    expect(first).toMatchObject({ letterId: SEED.lachin, part: 'annex' });
  });

  it('answers who sent an unsigned note verbale with its opening, which names the sender', () => {
    expectAnswered(
      'who sent the note verbale',
      /^The Permanent Mission of the Republic of Azerbaijan/,
    );
  });

  it('answers who did a deed with the passage that names its doer, a State or a body as well as a person', () => {
    // "planted … by a sabotage group of the Armenian armed forces": the agent of the verb asked.
    expectAnswered('who planted the anti-tank landmine in Khojavand', /by a sabotage group/);
    expectAnswered('who planted the AT mine in khojavand', /by a sabotage group/);
  });

  it('reads a mistyped office as the office, not as a name to describe (tuning: the ferry letter)', () => {
    // "represenative" is no English word; as typed it was read as a name ("who is Aliyev"), so
    // no passage "described" it and Annex abstained.
    expectAnswered('who was the permanent represenative', /Yashar Aliyev/);
  });

  it('quotes a signature block only when the question asks who', () => {
    for (const question of [
      'did armenia sign the trilateral statement',
      'what did Jeyhun Bayramov write about the minefield maps',
    ]) {
      const answer = ask(question);
      expect(answer.abstained).toBe(false);
      expect(answer.results[0]?.text).not.toMatch(/^\(Signed\)/);
    }
  });

  it('answers when the note verbale was dated with its heading, cited as a heading', () => {
    const [first] = expectAnswered(
      'when was the note verbale dated',
      /note verbale dated 5 April 2021/i,
    );
    expect(first).toMatchObject({ letterId: SEED.hrcNote, passage: 0 });
    expect(first?.citation).toMatch(/, heading$/);
    for (const question of ['when was the note verbale put out', 'when was the NV released']) {
      const answer = ask(question);
      expect(answer.abstained).toBe(false);
      expect(answer.results[0]?.letterId).toBe(SEED.hrcNote);
    }
  });
});

describe('answerQuestion: a document’s own making', () => {
  it('answers who wrote, sent or dated a document from its heading, opening or signature, though no passage says "wrote", "sent" or "date"', () => {
    // Before, each word the documents named never hold vetoed it: "never mention 'wrote'".
    expectAnswered('who wrote the NV', /^The Permanent Mission of the Republic of Azerbaijan/);
    expectAnswered('the aug 2022 cover letter - who sent it', /^\(Signed\) Tofig Musayev/);
    expectAnswered('who sent the 2023 letter to the SG', /^\(Signed\) Yashar Aliyev/);
    expectAnswered('when was the khojavand letter written', /letter dated 19 September 2023/i);
    expectAnswered('what date was the note verbale sent', /note verbale dated 5 April 2021/i);
    // The masthead's "Distr.: General 25 August 2022" tells when the document named by its symbol went out.
    expectAnswered('when was A/76/930 distributed', /Distr\.: General 25 August 2022/);
  });

  it('marks a symbol the question names whole, not figure by figure (user trial 7)', () => {
    const [first] = expectAnswered('when was A/76/930 distributed', /A\/76\/930/);
    const marked = (first?.highlights ?? []).map((h) => first?.excerpt.slice(h.start, h.end));
    expect(marked).toContain('A/76/930');
    expect(marked).not.toContain('76');
  });

  it('answers from the documents named when every word names them or the act: their headings tell who and when', () => {
    // Before, with nothing left to match, these abstained: "only words common to all the letters match".
    expectAnswered('when was the 2024 statement issued', /letter dated 4 April 2024/i);
    const answer = ask('who issued the press release');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.letterId).toBe(SEED.khojavand);
  });

  it('answers "when was the lachin letter sent" from the dated headings of the letters on Lachin, not from a passage on Lachin', () => {
    const answer = ask('when was the lachin letter sent');
    expect(answer.abstained).toBe(false);
    const shown = answer.results.slice(0, 3);
    expect(
      shown.some((r) => r.letterId === SEED.lachin && /letter dated 24 August 2022/i.test(r.text)),
    ).toBe(true);
    for (const r of shown) expect(r.text).toMatch(/dated|Distr\.|\(Signed\)|I have the honour/);
  });

  it('still abstains where no answer is possible: a note verbale is unsigned', () => {
    const answer = ask('Who signed the note verbale of April 2021?');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the note verbale it names is not signed');
  });

  it('still asks for the deed when the one who did it is asked of no document', () => {
    expect(ask('who sent rescue teams').results[0]?.text ?? '').not.toMatch(/^\(Signed\)/);
  });
});

describe('answerQuestion: words that ask for a quote, not for a thing the letters hold', () => {
  it.each([
    ["what was the 'fake agenda' quote about", /"fake agenda"/],
    ['give me the exact wording on the mine maps', /maps/],
  ])('answers %j, as if "quote" or "wording" were not there', (question, text) => {
    expectAnswered(question, text);
  });
});

describe('answerQuestion: a letter named by what it is about', () => {
  it('answers who signed "the lachin letter" from the signature blocks of the letters on Lachin', () => {
    const answer = ask('who signed the lachin letter');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/^\(Signed\)/);
    expect([SEED.lachin, SEED.awarenessDay2024]).toContain(answer.results[0]?.letterId);
  });
});

describe('answerQuestion: verbs of referring to a thing, as "mention" is', () => {
  it.each([
    ['which letter brings up cemeteries', /cemeteries/],
    ['which letter refers to cemeteries', /cemeteries/],
    ['does any letter discuss the mine maps', /maps/],
  ])('answers %j, as if it asked which letter mentions it', (question, text) => {
    expectAnswered(question, text);
  });
});

describe('answerQuestion: what a State wants of others is what it asks of them', () => {
  it.each([
    ['what does azerbaijan want the UN to do', /appeal to you/],
    [
      'what does azerbaijan want other countries to do',
      /calls? on the international community|appeals/,
    ],
  ])('answers %j with a passage where it appeals or calls on them', (question, text) => {
    // The letters never say "want": they request, appeal to, call on or urge.
    expectAnswered(question, text);
  });
});

describe('answerQuestion: a document named by its symbol', () => {
  it('searches the document whose symbol the question writes, in any case', () => {
    const answer = ask('how many victims according to a/76/930', { limit: 3 });
    expect(answer.abstained).toBe(false);
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.letterId === SEED.lachin)).toBe(true);
  });

  it('says that no document has a symbol none has, naming it', () => {
    const answer = ask('S/2023/123 mines');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('no letter has the symbol S/2023/123');
    // Words were searched besides the symbol: the closest passages to them are offered.
    expect(answer.unknownSymbol).toBeUndefined();
    expect(answer.related.length).toBeGreaterThan(0);
  });

  it.each([
    'A/99/999',
    'a/99/999?',
    'show me A/99/999',
    'what does S/2023/123 say',
    'the letter A/99/999',
    'https://undocs.org/en/A/99/999',
  ])(
    'answers %j, which asks for nothing but a symbol no document has, with that alone: no closest passages',
    (question) => {
      const answer = ask(question);
      expect(answer.abstained).toBe(true);
      expect(answer.reason).toMatch(/^no letter has the symbol [AS]\/\d+\/\d+$/);
      expect(answer.unknownSymbol).toMatch(/^[AS]\/\d+\/\d+$/);
      expect(answer.results).toEqual([]);
      expect(answer.related).toEqual([]);
    },
  );
});

describe('answerQuestion: a symbol no document has that passages cite (user trial 33)', () => {
  it('quotes the passages that cite it, word for word, rather than refusing it', async () => {
    const letters = await documentsOf({
      'record.md': [
        '---',
        'title: "General Assembly, 47th plenary meeting"',
        'date: 2025-11-12',
        'author: "General Assembly"',
        'kind: record',
        '---',
        'The President: The Assembly will now take a decision on draft resolution A/80/L.21.',
        '',
        'Draft resolution A/80/L.21 was adopted by 24 votes to 3, with 5 abstentions (resolution 80/61).',
        '',
      ].join('\n'),
    });
    const index = SearchIndex.build(letters);
    const answer = answerQuestion(index, 'what was the vote count on A/80/L.21');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/adopted by 24 votes to 3/);
    // One no passage cites is refused, naming it.
    expect(answerQuestion(index, 'what was the vote count on A/80/L.99').reason).toBe(
      'no document has the symbol A/80/L.99',
    );
  });
});

describe('answerQuestion: what a quote marks', () => {
  it('marks the words asked about, never a neighbour in meaning of a word the letters lack', () => {
    // "block" and "code" are no words of the letters; word vectors put "main", "move", "call"
    // and "law" near them, which may rank a passage but are not what the user asked about.
    const answer = ask('code block mines');
    const shown = [...answer.results, ...answer.related];
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown)
      for (const h of r.highlights)
        expect(r.excerpt.slice(h.start, h.end).toLowerCase()).toMatch(/mine/);
  });
});

describe('answerQuestion: abstaining when nothing it asks about is in the letters', () => {
  it('abstains when only the time it names matches, naming the word the letters lack', () => {
    const answer = ask('piracy gulf of guinea 2022');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the letters never mention "piracy"');
    expect(answer.results).toEqual([]);
  });

  it('takes what the asker says of themselves for the scene, not for what is asked', () => {
    // Before: "the letters it names never mention "balkan"".
    const answer = ask(
      "I'm writing about the Balkan wars for a class: how many mine victims does the 2023 letter count?",
    );
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toContain('314');
  });

  it('takes an adverb the letters lack for how or when, not for what it asks about', () => {
    // Before: "the letters never mention "back"", for the signatory the same question finds
    // without it.
    const answer = ask('so who signed the cover letter back in feb 2021');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toContain('Yashar Aliyev');
  });

  it('abstains when the documents named never mention the thing counted (user trial 26)', () => {
    // Before: "how many iraqi refugees in jordan 2012" quoted three passages of Jordan's speech
    // with no word of the question in them; here, mine passages of the note verbale.
    const answer = ask('how many vehicles were hit by mines according to the 2021 note verbale');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the note verbale it names never mentions "vehicles"');
  });

  it('reads "deaths" in "lost their lives", as the glossary has "died" and "killed"', () => {
    // Before: "the letters it names never mention "deaths"".
    const answer = ask('how many deaths in the 2024 statement');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toContain('lost their lives');
  });

  it('names the most specific word the letters lack, not the first ("headphones", not "back")', () => {
    const answer = ask('back then what headphones did the ministry recommend');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toContain('"headphones"');
  });

  it('abstains on a place no letter names, however like the letters the rest is (user trial 17)', () => {
    // Before: Armenia's or Azerbaijan's victims, for a country the letters never name.
    for (const [q, name] of [
      ['how many mine victims were there in Georgia', 'georgia'],
      ['what did the un say about landmines in cambodia', 'cambodia'],
      ['how many people did mines kill in Mali', 'mali'],
      // In lower case, one edit from "sued", a word no letter holds (user trial 21).
      ["armenia's position on the suez crisis", 'suez'],
    ] as const) {
      const answer = ask(q);
      expect(answer.abstained, q).toBe(true);
      expect(answer.reason, q).toBe(`the letters never mention "${name}"`);
    }
  });

  it('takes a mistyped word that WordNet knows as a name for the typo of a word the letters hold, and shorthand in capitals for shorthand, not a place ("makin" mines, "AZ")', () => {
    expect(ask('did armenia deny makin mines').reason ?? '').not.toContain('makin');
    // No letter says "male": "mali" is the place, which none names either.
    expect(ask('how many mali civilians died from mines').reason).toBe(
      'the letters never mention "mali"',
    );
    expect(ask('HRC agenda item for the AZ note verbale?').reason ?? '').not.toContain('"az"');
  });

  it('names the word as the question writes it, not as it is looked up ("self-driving")', () => {
    const answer = ask('self-driving taxis 2022');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the letters never mention "self-driving"');
  });
});

describe('answerQuestion: abstaining', () => {
  it.each(['Who won the World Cup?', 'weather in Paris tomorrow', '', '???'])(
    'abstains on %j and says what was searched',
    (question) => {
      const answer = ask(question);
      expect(answer.abstained).toBe(true);
      expect(answer.reason).toEqual(expect.any(String));
      expect(answer.results).toEqual([]);
      expect(answer.searched).toEqual({
        letters: 5,
        passages: 66,
        from: '2021-02-23',
        to: '2024-04-04',
        noun: 'letter',
      });
    },
  );

  it.each([
    'recommend a good movie for tonight',
    'best headphones under 100 dollars',
    'Who is the current coach of Real Madrid?',
  ])('abstains on the off-topic %j, offering the closest passages apart', (question) => {
    const answer = ask(question, { limit: 5 });
    expect(answer.abstained).toBe(true);
    expect(answer.results).toEqual([]);
    expect(answer.total).toBe(0);
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answer.related.length).toBeLessThanOrEqual(RELATED_LIMIT);
  });

  it.each([
    // What the letters never mention.
    'how many dogs were killed by mines',
    'what brand of car exploded in khojavand',
    'what were the ages of the servicemen killed in khojavand',
    'how old were the servicemen killed in the tunnel',
    'what is the budget of the ministry of defence',
    "what is ANAMA's budget",
    'who is the president of armenia',
    'who is the ambassador of russia',
    'who trained the sabotage group',
    // Figures the letters give, but not of what or when is asked.
    'how many deminers got hurt by landmines in 2021',
    'how many people were killed in Kalbajar',
    'how many people did ANAMA train in 2023',
    'were there mine victims in 2019',
    'how many mine victims were there in 2019',
    // Whose words the letters never report.
    'what did the SG say about the khojavand letter',
    'did the SG reply to bayramov',
    'what did the Secretary-General reply about the Khojavand explosions',
    'what did russia say about the lachin road',
    'how did the families react to the deaths in khojavand',
    // A time to come, a time of day, a sum: no letter states one.
    'when will all the mines be cleared',
    'at what time did the car explode in khojavand',
    'how much did azerbaijan pay for demining',
    'how much does a mine cost',
  ])('abstains on %j, which the letters do not answer', (question) => {
    const answer = ask(question);
    expect(answer.abstained).toBe(true);
    expect(answer.results).toEqual([]);
    expect(answer.reason).toEqual(expect.any(String));
  });

  it('never mixes the closest passages into an answer', () => {
    const answered = ask('Were mines found in Kalbajar?');
    expect(answered.abstained).toBe(false);
    expect(answered.related).toEqual([]);
    expect(answered.evidence).toBeGreaterThan(ask('how many dogs were killed by mines').evidence);
  });

  it('abstains on a quoted phrase no letter holds, saying so, and offers the passages closest to its words', () => {
    const missed = ask('"fencing nor marking"');
    expect(missed).toMatchObject({
      abstained: true,
      results: [],
      reason: 'no passage holds "fencing nor marking" word for word',
    });
    expect(missed.related[0]?.text).toContain('There is neither marking nor fencing.');
    const found = ask('"neither marking nor fencing"', { limit: 10 });
    expect(quoted(found)).toEqual([
      expect.stringContaining('There is neither marking nor fencing.'),
    ]);
  });

  it('keeps to the passages that hold a phrase in single quotes, and reads it as words when none does', () => {
    const found = ask("the letter with the 'neither marking nor fencing' bit", { limit: 10 });
    expect(quoted(found)).toEqual([
      expect.stringContaining('There is neither marking nor fencing.'),
    ]);
    // A claim put in other words: no passage holds it, so its words are searched.
    const claim = ask("is it true they said 'mines are left without any fences or marks'");
    expect(claim.abstained).toBe(false);
    expect(quoted(claim)).toContainEqual(expect.stringContaining('neither marking nor fencing'));
  });
});

describe('answerQuestion: filters', () => {
  /** What a question shows: its answer, or the closest passages when it abstains. */
  const shown = (answer: Answer) => [...answer.results, ...answer.related];

  it('keeps to one letter, by id or by symbol', () => {
    for (const letter of [SEED.lachin, 'A/76/930', 'S/2022/642']) {
      const answer = ask('mine victims', { letter, limit: 10 });
      expect(shown(answer).length).toBeGreaterThan(0);
      expect(shown(answer).every((r) => r.letterId === SEED.lachin)).toBe(true);
      expect(answer.searched.letters).toBe(1);
    }
  });

  it('keeps to a date range', () => {
    const answer = ask('mine victims', { from: '2022-01-01', to: '2023-12-31', limit: 10 });
    expect(shown(answer).length).toBeGreaterThan(0);
    expect(shown(answer).every((r) => r.date >= '2022-01-01' && r.date <= '2023-12-31')).toBe(true);
    expect(answer.searched).toMatchObject({ letters: 2, from: '2022-08-24', to: '2023-09-19' });
  });

  it('keeps to a part', () => {
    for (const part of ['letter', 'annex'] as const) {
      const answer = ask('mine victims', { part, limit: 10 });
      expect(shown(answer).length).toBeGreaterThan(0);
      expect(shown(answer).every((r) => r.part === part)).toBe(true);
    }
  });

  it('answers from the letter a filter keeps to', () => {
    const answer = ask('How many mine victims were there by September 2023?', {
      letter: 'A/78/368',
    });
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/\b314\b/);
  });

  it('abstains, naming the scope, when the filters leave nothing', () => {
    expect(ask('mine victims', { from: '2030-01-01' })).toMatchObject({
      abstained: true,
      results: [],
      related: [],
      searched: { letters: 0, passages: 0, from: null, to: null },
    });
  });
});

describe('answerQuestion: a listing (/search) and paging', () => {
  it('lists every passage that matches, best first, without deciding whether it answers', () => {
    const question = 'how many dogs were killed by mines';
    expect(ask(question).abstained).toBe(true);
    const listing = ask(question, { list: true, limit: 5 });
    expect(listing.abstained).toBe(false);
    expect(listing.results).toHaveLength(5);
    expect(listing.total).toBeGreaterThan(5);
    expect(listing.related).toEqual([]);
    const scores = listing.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('lists nothing, and says so, when no passage holds a word of the query', () => {
    expect(ask('sourdough baguette', { list: true })).toMatchObject({
      abstained: true,
      results: [],
      total: 0,
    });
  });

  it('pages a listing with offset, without repeating a passage', () => {
    const first = ask('mines', { list: true, limit: 5 });
    const second = ask('mines', { list: true, limit: 5, offset: 5 });
    const keys = [...first.results, ...second.results].map(
      (r) => `${r.letterId}#${r.part}${r.partIndex}#${r.passage}`,
    );
    expect(new Set(keys).size).toBe(10);
    expect(second.total).toBe(first.total);
    const all = ask('mines', { list: true, limit: 10 });
    expect(all.results.map((r) => r.text)).toEqual(
      [...first.results, ...second.results].map((r) => r.text),
    );
  });

  it('pages an answer with offset, without repeating a passage', () => {
    const question = 'How many mine victims were there by September 2023?';
    const first = ask(question, { limit: 2 });
    const second = ask(question, { limit: 2, offset: 2 });
    expect(first.abstained).toBe(false);
    expect(first.total).toBeGreaterThanOrEqual(4);
    const keys = [...first.results, ...second.results].map(
      (r) => `${r.letterId}#${r.part}${r.partIndex}#${r.passage}`,
    );
    expect(new Set(keys).size).toBe(4);
  });
});

describe('answerQuestion: excerpt and highlights', () => {
  it('shows the sentence that holds the question’s words, verbatim, with them marked', () => {
    const r = ask('What is ANAMA?').results[0];
    expect(r?.excerpt).toMatch(/^85 citizens, including 16 civilians/);
    expect(r?.text).toContain(r?.excerpt);
    expect(r?.highlights.map((h) => r.excerpt.slice(h.start, h.end))).toEqual(['ANAMA']);
  });

  it('marks only the words the question asked about', () => {
    const question = 'How many mine victims died in 2023?';
    const asked = new Set(
      parseQuestion(index, question).slots.flatMap((s) => s.alternatives.map((a) => a.concept)),
    );
    const answer = ask(question);
    expect(answer.abstained).toBe(false);
    for (const r of answer.results) {
      const marked = r.highlights.map((h) => r.excerpt.slice(h.start, h.end));
      expect(marked.length).toBeGreaterThan(0);
      for (const word of marked)
        expect(
          analyze(word).some((t) => asked.has(t.concept)),
          `"${word}" is a word of the question`,
        ).toBe(true);
    }
    // The excerpt of the first passage marks what the question counts and its verb.
    const first = answer.results[0];
    const marked = first?.highlights.map((h) => first.excerpt.slice(h.start, h.end).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['victims', 'died']));
  });
});

describe('a letter alone asks nothing (user trial 23)', () => {
  it.each(['x', 'a b', 'X?'])('answers %j with how to ask, not with passages', (message) => {
    // Before, "x" quoted the Lachin passages for the "x" of "coordinates x=4401180".
    const answer = answerQuestion(index, message);
    expect(answer.reason).toBe(NO_WORDS);
    expect(answer.results).toEqual([]);
  });

  it('still searches a letter in a quoted phrase, or beside a word', () => {
    expect(
      answerQuestion(index, 'anti-personnel mines marked 3-001M').results.length,
    ).toBeGreaterThan(0);
  });
});

describe('a document named by its kind alone may be one another document tells of (tuning: the ferry letter)', () => {
  it('searches every document when the documents of that kind lack a name the question asks about', async () => {
    const told = await documentsOf({
      'kelmar.txt': [
        'Letter dated 3 November 2026 from the Permanent Representative of Tarvos to the United Nations addressed to the President of the Security Council',
        'On 19 October 2026, the Ministry of Foreign Affairs of Tarvos addressed a note verbale to the Embassy of Kelmar, requesting the arrest of three persons. As at the date of the present letter, no reply has been received.',
        '(Signed) Aurel Kestrani',
      ].join('\n\n'),
    });
    const both = SearchIndex.build([...letters, ...told]);
    // Before: "the note verbale it names never mentions kelmar", of the seed note verbale.
    const answer = answerQuestion(both, 'what did the note verbale ask kelmar to do');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).toMatch(/requesting the arrest of three persons/);
    // The kind alone still names its documents when they hold what is asked.
    expect(answerQuestion(both, 'when was the note verbale dated').results[0]?.letterId).toBe(
      SEED.hrcNote,
    );
  });
});
