import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { answerQuestion, parseQuestion, SearchIndex } from '../../src/search/index.ts';
import { FEATURE_NAMES } from '../../src/search/features.ts';
import { WEIGHTS } from '../../src/search/model.ts';
import { prepare, scopeOf } from '../../src/search/rank.ts';
import { answerNotice } from '../../src/render/wording.ts';
import { namedDocuments } from '../../src/search/document-names.ts';
import { CORPUS_DIR, documentsOf, NOTE_AS_SENT, testlandLetter } from '../helpers.ts';

/**
 * Questions that name a document by who speaks in it, as people name one (`document-names.ts`):
 * by its author’s name, a people’s adjective, the year, the kind. Short made-up speeches and
 * a report (`test/fixtures/speeches/`), beside the seed letters: Sweden's 1997 speech also speaks
 * of Norway and its refugees, so that only naming Norway as the speaker finds Norway's; the State
 * of Palestine's is there for the word "State" in its author's name.
 */

const SPEECHES = path.resolve(import.meta.dirname, '..', 'fixtures', 'speeches');

let index: SearchIndex;
let seedOnly: SearchIndex;
let seed: Letter[];
beforeAll(async () => {
  seed = (await loadCorpus(CORPUS_DIR)).letters;
  const speeches = (await loadCorpus(SPEECHES)).letters;
  index = SearchIndex.build([...seed, ...speeches]);
  seedOnly = SearchIndex.build(seed);
});

/** The document of the first passage a question is answered with (or offered, when it abstains). */
const firstDocument = (question: string) => {
  const answer = answerQuestion(index, question);
  return (answer.results[0] ?? answer.related[0])?.letterId;
};
/** The documents a question's search keeps to. */
const scopedTo = (question: string, where = index) => {
  const scope = scopeOf(where, parseQuestion(where, question), {});
  return [
    ...new Set([...(scope.groups ?? [])].map((g) => where.headingGroups[g]?.letter.id)),
  ].sort();
};

describe('a question that names a document by its author', () => {
  it('keeps to the documents of the author it asks about, in the year it names', () => {
    expect(scopedTo('what did norway say about refugees in 1997')).toEqual(['norway-1997']);
    expect(firstDocument('what did norway say about refugees in 1997')).toBe('norway-1997');
    expect(scopedTo('what did Norway say')).toEqual(['norway-1997', 'norway-2001']);
  });

  it('keeps to the letters a person signed, when the question has them speak (user trial 21)', () => {
    // Before: the cover letters' "I have the honour to transmit … a letter from Jeyhun Bayramov"
    // and his signature block, which name him, before what he wrote.
    const question = 'what did jeyhun bayramov say about war crimes';
    expect(scopedTo(question, seedOnly)).toEqual([
      '2021-02-23-minefield-information-refused',
      '2022-08-24-a-76-930-lachin-new-mines',
    ]);
    expect(answerQuestion(seedOnly, question).results[0]?.text).toMatch(/constitutes? a war crime/);
    // What is left when his name names the letters, "own", tells of what, not what it is about:
    // no "never mention" veto.
    const dated = answerQuestion(
      seedOnly,
      "what's the date on Bayramov's own letter in the Feb 2021 annex",
    );
    expect(dated.abstained).toBe(false);
    expect(dated.results.map((r) => r.text).join(' ')).toMatch(/Letter dated 22 February 2021/);
  });

  it('keeps to the documents of every author it joins with "and" or "vs" (user trial 21)', () => {
    // Before: Sweden's alone, its name ending the phrase before "say".
    expect(scopedTo('what did norway and sweden say about refugees in 1997')).toEqual([
      'norway-1997',
      'sweden-1997',
    ]);
    expect(scopedTo('what did norway vs sweden say in 1997')).toEqual([
      'norway-1997',
      'sweden-1997',
    ]);
  });

  it('reads a people’s adjective or noun as its State ("Armenian", "Norwegians")', () => {
    expect(scopedTo('the Armenian speech at the 2023 general debate: what about water')).toEqual([
      'armenia-2023',
    ]);
    expect(firstDocument('the Armenian speech at the 2023 general debate: what about water')).toBe(
      'armenia-2023',
    );
    expect(scopedTo('what did the Norwegians say about refugees in 2001')).toEqual(['norway-2001']);
  });

  it('reads an author named after "according to", a possessive, or "the speech by …"', () => {
    expect(scopedTo('according to Sweden, how many refugees came from the Balkans')).toEqual([
      'sweden-1997',
    ]);
    expect(scopedTo('norway’s 2001 speech on refugee camps')).toEqual(['norway-2001']);
    expect(scopedTo('in the speech by Norway in 1997, who got refugees')).toEqual(['norway-1997']);
  });

  it('reads an author named after "per", over a people named before it, not "per cent" (user trial 29)', () => {
    expect(scopedTo('how many norwegians came in 1997 per sweden')).toEqual(['sweden-1997']);
    expect(scopedTo('what share of refugees per capita came to norway in 2001')).not.toContain(
      'sweden-1997',
    );
  });

  it('reads the glossary’s abbreviation of an author and the kind of document: "the SG’s report"', () => {
    expect(scopedTo('how many refugees does the SG’s report count')).toEqual(['sg-report-2023']);
    expect(firstDocument('how many refugees does the SG’s report count')).toBe('sg-report-2023');
  });

  it('does not take a State a question is about for its speaker', () => {
    // Sweden praised Norway's policy: Norway is what the speech is about, not who gave it.
    expect(scopedTo('which speech praised the refugee policy of Norway')).toEqual([]);
    expect(firstDocument('which speech praised the refugee policy of Norway')).toBe('sweden-1997');
    // Georgia speaks of the Armenian people.
    expect(scopedTo('who wants clean water for the Armenian people')).toEqual([]);
  });

  it('narrows nothing when every document has the author named (the seed letters are all Azerbaijan’s)', () => {
    expect(scopedTo('what did Azerbaijan say about mines', seedOnly)).toEqual([]);
  });

  it('reads a State named beside a time as the speaker: "norway at the 52nd session", "norway 2001"', () => {
    expect(scopedTo('norway at the 52nd session on refugees')).toEqual(['norway-1997']);
    expect(scopedTo('norway 2001 - what about refugee camps')).toEqual(['norway-2001']);
    expect(firstDocument('norway 2001 - what about refugee camps')).toBe('norway-2001');
    expect(scopedTo("norway in '97, refugees?")).toEqual(['norway-1997']);
  });

  it('does not read a State beside a time as the speaker when the question asks which document or who', () => {
    expect(scopedTo('which speech praised the refugee policy of Norway in 1997')).toEqual([]);
    expect(scopedTo('who spoke of clean water for the Armenian people in 2023')).toEqual([]);
  });

  it('reads no State in an abbreviation the glossary reads otherwise, nor in a common word of a longer name', () => {
    // "GA" is the General Assembly (WordNet also has it for the state of Georgia; it is also
    // Gabon's ISO code), "SG" the Secretary-General (and Singapore's code).
    expect(scopedTo('clean water at the 2023 GA')).toEqual([]);
    expect(scopedTo('what did the SG say about refugees in 2023')).toEqual(['sg-report-2023']);
    // "State" is a word of "the State of Palestine", not its name.
    expect(scopedTo('the state of the refugee camps in 2023')).toEqual([]);
    expect(scopedTo('what did palestine say about independence in 2023')).toEqual([
      'palestine-2023',
    ]);
  });

  it('says what it searched: the documents the question names, not the whole corpus', () => {
    // Before: "searched 17 documents" for a question about one speech of Norway's.
    expect(
      answerQuestion(index, 'what did norway say about refugees in 1997').searched,
    ).toMatchObject({ letters: 1, from: '1997', to: '1997' });
    expect(answerQuestion(index, 'what did norway say about refugees').searched).toMatchObject({
      letters: 2,
      from: '1997',
      to: '2001',
    });
    expect(answerQuestion(index, 'refugees in the balkans').searched.letters).toBe(
      index.letters.length,
    );
  });

  it('says so when the author named has no document of the time named, and searches their others', () => {
    // Before: Norway's speeches of 1997 and 2001 were quoted for 1999 without a word.
    const answer = answerQuestion(index, 'what did norway say about refugees in 1999');
    expect(answer.undated).toEqual({ author: 'Norway', time: '1999' });
    const shown = [...answer.results, ...answer.related].map((r) => r.letterId);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => id.startsWith('norway-'))).toBe(true);
    // A time the author has a document of is no such case.
    expect(answerQuestion(index, 'what did norway say about refugees in 1997').undated).toBe(
      undefined,
    );
    // Nor a time after every document: what they tell of ("a target for 2030").
    expect(answerQuestion(index, 'norway refugees target for 2030').undated).toBe(undefined);
    // Asked for nothing but what the author said then, the same is said of their openings.
    const opened = answerQuestion(index, 'what did norway say in 1999');
    expect(opened.undated).toEqual({ author: 'Norway', time: '1999' });
    expect(opened.results[0]?.letterId).toMatch(/^norway-/);
    // The notice says the time as a time, not as typed: "from 1999", never "from in 99" (user trial 23).
    expect(answerQuestion(index, 'what did norway say in 99').undated).toEqual({
      author: 'Norway',
      time: '1999',
    });
    expect(answerQuestion(index, 'what did norway say in the 1980s').undated).toEqual({
      author: 'Norway',
      time: 'the 1980s',
    });
  });

  it('names a letter’s sender by the State it speaks for, and says the time is of the documents’ dates', async () => {
    // User trial 31: "No document by Permanent Representative of Marvonia to the United Nations
    // is from august 2025", of a letter of September that tells of August.
    const letters = [await testlandLetter('clearance'), await testlandLetter('storm'), ...seed];
    const answer = answerQuestion(
      SearchIndex.build(letters),
      'what did testland say about mines in 2019',
    );
    expect(answer.undated?.author).toBe('Testland');
    expect(answerNotice(answer)).toBe(
      'No letter by Testland is dated 2019; these passages are from its other letters, which may tell of that time.',
    );
  });

  it('reads a State that leads the question as its speaker, of a time it has no document of', () => {
    // "iceland 2020 on plastics" found nothing where "what did iceland say in 2020" answered.
    const answer = answerQuestion(index, 'norway 1999 on refugees');
    expect(answer.undated).toEqual({ author: 'Norway', time: '1999' });
    expect(scopedTo('norway 1999 on refugees')).toEqual(['norway-1997', 'norway-2001']);
    // Named after what is asked, a State may be what the question is about.
    expect(scopedTo('refugees in norway in 1999')).toEqual([]);
  });

  it('abstains when the document named never holds a word the question turns on, naming it', () => {
    // Norway's 2001 speech never names the Balkans; its 1997 speech does.
    const answer = answerQuestion(index, 'what did norway say about the balkans in 2001');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the speech it names never mentions "balkans"');
    // Nor when no document at all names it.
    const unknown = answerQuestion(index, 'what did norway say about the kibeho camp in 2001');
    expect(unknown.abstained).toBe(true);
    expect(unknown.reason).toBe('the speech it names never mentions "kibeho"');
  });

  it('answers "who talked about X" from the document that says it: whose words they are is its author', () => {
    // Before, "who" asked for a person's name in the passage, and Georgia's speech names none.
    for (const question of [
      'who talked about clean water',
      'which country spoke about clean water',
    ]) {
      const answer = answerQuestion(index, question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.results[0]?.letterId, question).toBe('georgia-2023');
    }
  });

  it('reads English words joined by a hyphen as a compound, not as a name the documents lack', () => {
    // "secretary-general" is looked up as one word; no name of it vetoes the report's answer.
    const answer = answerQuestion(index, 'what did the UN secretary-general report about refugees');
    expect(answer.abstained).toBe(false);
  });

  it('abstains when the document named never holds a name written as one that WordNet also has as a word', () => {
    // "China" is also china, porcelain; written with its capital it names the State.
    const answer = answerQuestion(index, 'what did Norway say about refugees from China in 1997');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the speech it names never mentions "china"');
  });

  it('says which word the documents named never hold when it abstains, a common word too', () => {
    // Norway's 2001 speech speaks of aid to refugee camps, never of disarmament.
    const answer = answerQuestion(index, 'what did norway say about disarmament in 2001');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe('the speech it names never mentions "disarmament"');
    // The meeting a year names is named as the year is: "General Assembly" is not asked about.
    // Sweden's 1997 speech names the General Assembly, never the euro.
    for (const meeting of ['at the 1997 General Assembly', 'at the 1997 GA', 'at UNGA 1997']) {
      const named = answerQuestion(index, `what did sweden say about the euro ${meeting}`);
      expect(named.reason).toBe('the speech it names never mentions "euro"');
    }
  });

  it('does not abstain for want of the name of the one a question cites: a speech seldom names its speaker', () => {
    const question = 'what did norway do for the refugee camps in 2001';
    const cited = answerQuestion(index, `${question}, per Stoltenberg`);
    expect(cited.abstained).toBe(false);
    expect(cited.results[0]?.letterId).toBe('norway-2001');
    // Nor of the one it has say it.
    const said = answerQuestion(
      index,
      'what did Stoltenberg say norway did for the refugee camps in 2001',
    );
    expect(said.abstained).toBe(false);
    expect(said.results[0]?.letterId).toBe('norway-2001');
    expect(answerQuestion(index, `${question} with Stoltenberg`).reason).toBe(
      'the speech it names never mentions "stoltenberg"',
    );
  });

  it('reads a State the named speaker speaks about as what is spoken of, not as the speaker', () => {
    // Obama is no author: Argentina, beside the year, is what he speaks about.
    expect(scopedTo('what did obama say about argentina in 1982')).toEqual([]);
    expect(scopedTo('what did Stoltenberg say norway did for the refugee camps in 2001')).toEqual([
      'norway-2001',
    ]);
    expect(scopedTo('argentina 1982 - what did they say about the islands')).toEqual([
      'argentina-1982',
    ]);
  });

  it('says why it abstains in the words of the corpus: letters, or documents once any is not a letter', () => {
    const question = 'zebras and giraffes in the minefields';
    expect(answerQuestion(seedOnly, question).reason).toBe(
      'most of what it names is not in the letters',
    );
    expect(answerQuestion(index, question).reason).toBe(
      'most of what it names is not in the documents',
    );
  });

  it('reads a capital as its State when a named document holds the State and not the city', () => {
    // WordNet has London as England's capital, and England as part of the United Kingdom.
    const answer = answerQuestion(
      index,
      'what did argentina say about london sending a fleet in 1982',
    );
    expect(answer.reason).toBeNull();
    expect(answer.results[0]?.text).toContain('The United Kingdom sent a fleet');
  });

  it('takes the State that says it for the speaker, not the first State named', () => {
    // Norway's 1997 speech and Sweden's both speak of Norway; Sweden is the one that says it.
    expect(scopedTo('how many norwegian refugees did sweden say it took in, in 1997')).toEqual([
      'sweden-1997',
    ]);
  });

  it('reads a State of old by the State it is now part of ("Tanganyika": Tanzania)', () => {
    expect(scopedTo('what did tanganyika say about the security council in 1963')).toEqual([
      'tanzania-1963',
    ]);
  });

  it('takes a name the documents lack, read as their author’s, as understood, not missing', () => {
    // Tanzania's speech never writes "Tanganyika": the name is not what it lacks.
    const answered = answerQuestion(
      index,
      'what did tanganyika say about the security council in 1963',
    );
    expect(answered.abstained).toBe(false);
    expect(answered.results[0]?.letterId).toBe('tanzania-1963');
    expect(answerQuestion(index, 'what did tanganyika say about apartheid').reason).toBe(
      'the speech it names never mentions "apartheid"',
    );
  });

  it('reads a State whose name holds a verb of saying as the speaker ("what did the United States say")', () => {
    expect(scopedTo('what did the united states say about refugees')).toEqual([
      'united-states-2001',
    ]);
    expect(scopedTo('what has the United States stated about Argentina')).toEqual([
      'united-states-2001',
    ]);
    // "State" after an article is a noun of the name, not the verb.
    expect(scopedTo('what did the State of Palestine say about water')).toEqual(['palestine-2023']);
  });

  it('reads a State by another name WordNet gives it ("Russia", "the Soviet Union", "USSR", "Burma")', async () => {
    // The front matter names each State as ISO 3166 does: "Russian Federation", "Myanmar".
    const dir = await mkdtemp(path.join(tmpdir(), 'annex-other-names-'));
    const speech = (author: string, year: number, text: string) =>
      `---\ntitle: "Statement by ${author} in the general debate"\ndate: ${year}\nauthor: "${author}"\nkind: speech\n---\n${text}\n`;
    const speeches: [id: string, author: string, year: number, text: string][] = [
      [
        'rus-1961',
        'Russian Federation',
        1961,
        'The Soviet delegation proposes general and complete disarmament.',
      ],
      ['mmr-1960', 'Myanmar', 1960, 'My delegation welcomes the new Members from Africa.'],
      ['tur-1961', 'Türkiye', 1961, 'My delegation supports the Secretary-General.'],
      [
        'cod-1961',
        'Democratic Republic of the Congo',
        1961,
        'Our country asks for the help of the Organization.',
      ],
      ['cog-1961', 'Congo', 1961, 'Our country asks for the help of the Organization.'],
      ['kor-1961', 'South Korea', 1961, 'My Government seeks membership in the Organization.'],
      ['tls-1961', 'Timor-Leste', 1961, 'Our people voted for independence.'],
      ['idn-1961', 'Indonesia', 1961, 'Our country welcomes its neighbours.'],
      ['col-1961', 'Colombia', 1961, 'My Government supports the Alliance for Progress.'],
      [
        'usa-1961',
        'United States',
        1961,
        'The Soviet Union must accept inspection of disarmament.',
      ],
    ];
    for (const [id, author, year, text] of speeches)
      await writeFile(path.join(dir, `${id}.md`), speech(author, year, text));
    try {
      const states = SearchIndex.build((await loadCorpus(dir)).letters);
      for (const name of ['russia', 'the soviet union', 'the USSR', 'the Russians', 'the Soviets'])
        expect(scopedTo(`what did ${name} say about disarmament in 1961`, states)).toEqual([
          'rus-1961',
        ]);
      expect(scopedTo('what did burma say in 1960', states)).toEqual(['mmr-1960']);
      // Its passages are from whom the question names, though no sender line writes "USSR".
      const said = answerQuestion(states, 'what did the USSR say about disarmament in 1961');
      expect(said.abstained).toBe(false);
      expect(said.results[0]?.letterId).toBe('rus-1961');
      // An English name of the ISO list the author does not write; the fullest of WordNet's names.
      expect(scopedTo('what did turkey say in 1961', states)).toEqual(['tur-1961']);
      expect(scopedTo('what did the republic of korea say in 1961', states)).toEqual(['kor-1961']);
      // The glossary's abbreviations of a State's whole name, and the whole name over a part of it.
      expect(scopedTo('what did ROK say in 1961', states)).toEqual(['kor-1961']);
      // A State's name since WordNet was made, over WordNet's reading of the old one.
      expect(scopedTo('what did east timor say about indonesia in 1961', states)).toEqual([
        'tls-1961',
      ]);
      for (const name of ['the DRC', 'the DR Congo', 'the Democratic Republic of the Congo'])
        expect(scopedTo(`what did ${name} say in 1961`, states)).toEqual(['cod-1961']);
      expect(scopedTo('what did zaire say in 1961', states)).toEqual(['cod-1961']);
      // One typo from an author's name, before WordNet's Columbia (British Columbia, in Canada).
      expect(scopedTo('what did columbia say in 1961', states)).toEqual(['col-1961']);
      // A State named as what is spoken of stays what is spoken of.
      expect(scopedTo('what did the united states say about the soviet union', states)).toEqual([
        'usa-1961',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads no State in a short word WordNet also has for a part of one ("co" of "co-chaired": Colorado)', () => {
    expect(scopedTo('what did the panel co-chaired by norway recommend in 2001')).toEqual([
      'norway-2001',
    ]);
  });

  it('reads a capital of two words as its State ("Buenos Aires")', () => {
    expect(scopedTo('what did Buenos Aires say about the islands in 1982')).toEqual([
      'argentina-1982',
    ]);
  });

  it('reads a capital that is also a common noun as its State only when written as a name', () => {
    // "manila" is also a paper: WordNet knows it as a common noun.
    expect(scopedTo('what did Manila say about the sea in 2016')).toEqual(['philippines-2016']);
    expect(scopedTo('what about manila envelopes in 2016')).toEqual([]);
  });

  it('names a document by its kind alone, a kind not the letters’ own ("the report")', () => {
    expect(scopedTo('what does the report say about refugees')).toEqual(['sg-report-2023']);
    expect(firstDocument('what does the report say about refugees')).toBe('sg-report-2023');
    // Not a kind written without "the", "this" or "that"; not "the letter", which letter
    // references read.
    expect(scopedTo('report on refugees')).toEqual([]);
    expect(scopedTo('what does the letter say about mines')).toEqual([]);
  });

  it('names no document by its kind alone when a name the question asks about is only in others (user trial 32)', async () => {
    const letters = await documentsOf({
      'report.md':
        '---\ntitle: "Report of the Secretary-General on Velmoria"\ndate: 2025\nauthor: "Secretary-General"\nkind: report\n---\nThe Mission in Velmoria counted 38 detained journalists at the end of the year.\n',
      'release.md':
        '---\ntitle: "Human Rights Council holds dialogue on Norvalia"\ndate: 2026\nkind: press release\n---\nThe Minister of Justice of Norvalia rejected the report as one-sided and based on hearsay.\n\nThe Special Rapporteur presented her second report to the Council.\n',
    });
    const both = SearchIndex.build([...seed, ...letters]);
    // Norvalia is in the press release, not in the report: "the report" is the one it tells of.
    expect(scopedTo("what did norvalia's justice minister call the report", both)).toEqual([]);
    const answer = answerQuestion(both, "what did norvalia's justice minister call the report");
    expect((answer.results[0] ?? answer.related[0])?.text).toMatch(
      /^The Minister of Justice of Norvalia rejected/,
    );
    // A name the report holds keeps it named.
    expect(scopedTo('what does the report say about velmoria', both)).toEqual(['report']);
  });

  it("reads the words of a named document's title as naming it, when asked when it was made (user trial 32)", async () => {
    const letters = await documentsOf({
      'a-res-81-52.md': [
        '---',
        'title: "81/52. Assistance for the recovery of Norvel following the floods"',
        'date: 2026-12-09',
        'author: "General Assembly"',
        'kind: resolution',
        '---',
        'The General Assembly,',
        '',
        '1. Welcomes the recovery plan adopted by the Government of Norvel on 3 November 2026;',
        '',
        '2. Decides to remain seized of the matter.',
        '',
        '48th plenary meeting',
        '',
        '9 December 2026',
        '',
      ].join('\n'),
    });
    const both = SearchIndex.build([...seed, ...letters]);
    // "on norvel" is said of the resolution, as its title says: its making is asked, and the
    // date it was adopted answers, not the plan adopted in November.
    const answer = answerQuestion(both, 'when was the GA resolution on norvel adopted');
    expect(answer.abstained).toBe(false);
    expect(answer.results[0]?.text).not.toMatch(/3 November/);
    expect(answer.results.slice(0, 3).some((r) => /9 December 2026/.test(r.text))).toBe(true);
  });

  it('holds a word the documents lack by a neighbour in meaning only as close as a kind of it (user trial 32)', async () => {
    const letters = await documentsOf({
      'marovia.md': [
        '---',
        'title: "Statement by Marovia at the general debate"',
        'date: 2025-09-27',
        'author: "Marovia"',
        'kind: speech',
        '---',
        'Illegal fishing is a threat to our people. In 2024 our patrol seized 41 foreign vessels fishing illegally in our waters.',
        '',
        'The sea around Marovia is rising by six millimetres a year.',
        '',
      ].join('\n'),
    });
    const both = SearchIndex.build([...seed, ...letters]);
    const outOfScope = (question: string) =>
      prepare(both, question, {})
        .q.slots.filter((s) => s.outOfScope)
        .map((s) => s.word);
    // "nuclear" is near "threat" in meaning, not as a kind of it: the speech never speaks of it.
    expect(outOfScope('what did marovia say about nuclear disarmament')).toContain('nuclear');
    const answer = answerQuestion(both, 'what did marovia say about nuclear disarmament');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toMatch(/never mentions "nuclear"/);
    // "boats" is held by "vessels", as close as a kind of it.
    expect(outOfScope('how many boats did marovia seize')).not.toContain('boats');
  });

  it('reads no town as the State it is in ("per santos": a person, not Brazil\'s port)', async () => {
    const speech = (state: string, text: string) =>
      `---\ntitle: "Statement by ${state} in the general debate of the 71st session"\ndate: 2016\nauthor: "${state}"\nkind: speech\n---\n${text}\n`;
    const letters = await documentsOf({
      'BRA_71_2016.md': speech(
        'Brazil',
        'Brazil brings its spirit of openness to the United Nations.',
      ),
      'COL_71_2016.md': speech(
        'Colombia',
        'A conflict that left more than 220,000 people dead has come to an end.',
      ),
    });
    const both = SearchIndex.build([...seed, ...letters]);
    expect(scopedTo("how many people died in colombia's war per santos 2016", both)).toEqual([
      'COL_71_2016',
    ]);
  });

  it('keeps to the kind named before the time named: the time may be of what it tells', () => {
    // The SG has no document of 2019: "in 2019" is when the refugees were counted, not when the
    // report was written, so no notice says the SG has no document of 2019.
    const question = 'how many refugees were there in 2019 according to the SG report';
    expect(scopedTo(question)).toEqual(['sg-report-2023']);
    expect(answerQuestion(index, question).undated).toBe(undefined);
    expect(answerQuestion(index, 'what did the SG say about refugees in 2019').undated).toEqual({
      author: 'Secretary-General',
      time: '2019',
    });
    // A time said of the kind itself is the documents' own: none is of 2019 (user trial 32).
    expect(
      answerQuestion(index, "what does the SG's 2019 report say about refugees").undated,
    ).toEqual({
      author: 'Secretary-General',
      time: '2019',
    });
  });

  it('reads "tldr of the SG report" as naming the report, as "what is the SG report about" does (user trial 31)', () => {
    // "tldr of the" had been read as part of a name ("Republic of the Congo"), and "report" was
    // searched for as a word: a passage that mentions a report came first.
    const spans = (question: string) =>
      (namedDocuments(index, parseQuestion(index, question))?.spans ?? []).map((s) =>
        question.slice(s.start, s.end),
      );
    expect(spans('tldr of the SG report')).toEqual(['SG', 'report']);
    expect(spans('summary of the SG report')).toEqual(['SG', 'report']);
    const first = (question: string) => answerQuestion(index, question).results[0]?.passage;
    expect(first('tldr of the SG report')).toBe(first('what is the SG report about'));
  });

  it('takes the first of several States named beside a time for the speaker, the others for what it speaks of', () => {
    expect(scopedTo('norway 1997 - what about sweden')).toEqual(['norway-1997']);
    expect(scopedTo('sweden 1997 - what about norway')).toEqual(['sweden-1997']);
    // Also when the first is named by the glossary's abbreviation.
    expect(scopedTo('SG 2023 - what about armenia')).toEqual(['sg-report-2023']);
  });

  it('reads the first or the latest of a State’s documents where the question asks for it', () => {
    expect(scopedTo('what did norway say in its first speech')).toEqual(['norway-1997']);
    expect(scopedTo('in its first-ever general assembly speech, what did norway say')).toEqual([
      'norway-1997',
    ]);
    expect(scopedTo('norway’s latest speech on refugees')).toEqual(['norway-2001']);
    expect(scopedTo('the most recent speech by norway')).toEqual(['norway-2001']);
    // "first" of something else, not of the speech.
    expect(scopedTo('what was the first thing norway said in its speech in 1997')).toEqual([
      'norway-1997',
    ]);
    expect(scopedTo('what did norway say in its speech about refugees')).toEqual([
      'norway-1997',
      'norway-2001',
    ]);
  });

  it('reads the document noun that names a speech as a naming word, not one said in it', () => {
    const weightOf = (question: string, word: string) =>
      Math.max(
        ...(
          prepare(index, question, {}).q.slots.find((s) => s.word === word)?.alternatives ?? []
        ).map((a) => a.weight),
      );
    expect(weightOf('norway’s 2001 speech on refugee camps', 'speech')).toBeLessThanOrEqual(
      WEIGHTS.namingWord,
    );
    expect(
      weightOf('what did norway say in its speech about refugees', 'speech'),
    ).toBeLessThanOrEqual(WEIGHTS.namingWord);
    expect(
      weightOf('in the speech by Norway in 1997, who got refugees', 'speech'),
    ).toBeLessThanOrEqual(WEIGHTS.namingWord);
    // A speech spoken of: what the question is about.
    expect(
      weightOf('what did norway say about freedom of speech in 1997', 'speech'),
    ).toBeGreaterThan(WEIGHTS.namingWord);
  });

  it('does not count the words that name the speech as held only by its headings', () => {
    // Norway's 1997 speech never names Norway, its year or its kind in its passages: each is in
    // its title, as for every passage of it, and so tells its passages nothing apart.
    const prepared = prepare(index, 'what did norway say about refugees in its 1997 speech', {});
    const column = FEATURE_NAMES.indexOf('heading only');
    const refugees = prepared.set.candidates.findIndex((c) =>
      c.entry.passage.text.startsWith('Our country has received refugees'),
    );
    expect(refugees).toBeGreaterThanOrEqual(0);
    expect(prepared.rows[refugees]?.[column]).toBe(0);
  });

  it('reads a typo as a word of the documents it names, of words as close to it', () => {
    // "refuees" is one edit from "refugees" and from "refuses", the commoner in all; Norway's
    // 1997 speech speaks of refugees. "ilands": islands in Argentina's speech, lands elsewhere.
    const corrected = (question: string) =>
      prepare(index, question, {})
        .q.slots.map((s) => s.correctedTo)
        .filter(Boolean);
    expect(corrected('what did norway say about refuees in 1997')).toEqual(['refugees']);
    expect(corrected('what did argentina say about the ilands in 1982')).toEqual(['islands']);
  });

  it('reads two digits after a State’s name as a year it has documents of ("norway 97")', () => {
    expect(scopedTo('norway 97 - what about refugees?')).toEqual(['norway-1997']);
    expect(scopedTo('lol tanzania in 63 said something about the charter')).toEqual([
      'tanzania-1963',
    ]);
    expect(parseQuestion(index, 'norway 97 - what about refugees?').date).toMatchObject({
      from: '1997-01-01',
      to: '1997-12-31',
    });
    // After "in" a few words on, where no word the figure could count follows (user trial 25).
    expect(scopedTo('what did norway say in 97 about refugees')).toEqual(['norway-1997']);
    expect(scopedTo('what did norway say in 01')).toEqual(['norway-2001']);
    expect(parseQuestion(index, 'did norway take in 97 refugees').date).toBeNull();
    // Not where the State has no documents of that year, nor after a word that is no State.
    expect(parseQuestion(index, 'norway 63 - what about refugees?').date).toBeNull();
    expect(parseQuestion(index, 'what is agenda item 97 about').date).toBeNull();
    expect(parseQuestion(index, 'norway 97% of refugees').date).toBeNull();
  });

  it('reads a State named with a time before a question that asks who as the speaker, not after', () => {
    expect(scopedTo('NOR at the 52nd session - who did they thank?')).toEqual(['norway-1997']);
    expect(scopedTo('norway 1997: which countries did they praise')).toEqual(['norway-1997']);
    expect(scopedTo('who at the 52nd session praised norway')).toEqual([]);
  });

  it('reads a State’s ISO code written in capitals ("NOR at the 52nd session"), never a small word', () => {
    expect(scopedTo('NOR at the 52nd session - refugees?')).toEqual(['norway-1997']);
    expect(scopedTo('nor at the 52nd session - refugees?')).toEqual([]);
    // "PS" is the State of Palestine's code, but not in lower case; "IN" would be India's.
    expect(scopedTo('what did PS say about independence')).toEqual(['palestine-2023']);
  });

  it('reads the glossary’s casual forms as the glossary has them, not as initials a document spells out', () => {
    // The State of Palestine's speech spells out a "PPL"; "ppl" is people.
    expect(parseQuestion(index, 'how many ppl waited in 2023').text).not.toMatch(/League/);
  });
});

describe('a document named by a kind of several words (user trial 17)', () => {
  it('takes "note verbale" beside its author for the document’s name, not for what its text must hold, and answers when it was sent with its place-and-date line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'annex-kind-'));
    try {
      await writeFile(path.join(dir, NOTE_AS_SENT.file), NOTE_AS_SENT.text);
      const letters = [
        ...(await loadCorpus(CORPUS_DIR)).letters,
        ...(await loadCorpus(dir)).letters,
      ];
      const index = SearchIndex.build(letters);
      for (const q of [
        'when was the testland note verbale sent',
        'when was the note verbale from testland sent',
      ]) {
        const answer = answerQuestion(index, q);
        // Before: "the documents it names never mention "note verbale"", of a note verbale.
        expect(answer.reason ?? '', q).not.toContain('note verbale');
        // Before: "no passage gives a time", its place-and-date line no candidate.
        expect(answer.abstained, q).toBe(false);
        expect(answer.results[0]?.text, q).toBe('New York, 3 June 2025');
      }
      // …and only when: asked what it pledges, not its place and date (user trial 23).
      const pledges = answerQuestion(index, 'the testland note verbale - what pledges');
      const shown = [...pledges.results, ...pledges.related].map((r) => r.text);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).not.toContain('New York, 3 June 2025');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('reads "the latest letter" as a letter, "the press release" by its kind, and a kind whose words only another kind holds as naming none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'annex-kind-'));
    try {
      await writeFile(path.join(dir, NOTE_AS_SENT.file), NOTE_AS_SENT.text);
      await writeFile(
        path.join(dir, 'patrol-press-release.md'),
        [
          '---',
          'title: "Secretary-General Condemns Attack on Peacekeepers in Testland"',
          'date: 2025-07-02',
          'author: "Secretary-General"',
          'kind: press release',
          '---',
          'The following statement was issued today by the Spokesperson for the Secretary-General:',
          '',
          'The Secretary-General strongly condemns the attack on 1 July against a patrol near Testville, which killed one peacekeeper.',
        ].join('\n'),
      );
      await writeFile(
        path.join(dir, 'fisheries-statement.md'),
        [
          '---',
          'title: "Statement by Testland on fisheries"',
          'date: 2025-06-20',
          'author: "Testland"',
          'kind: statement',
          '---',
          'Testland calls on all States to end harmful fisheries subsidies by 2030.',
        ].join('\n'),
      );
      const where = SearchIndex.build([...seed, ...(await loadCorpus(dir)).letters]);
      // A note verbale of 2025 is the latest document; the latest letter is of 2024.
      expect(scopedTo('the latest letter', where)).toEqual([
        '2024-04-04-mine-awareness-day-statement',
      ]);
      expect(scopedTo('the latest note verbale', where)).toEqual(['testland-candidature']);
      // Its title does not say "press release"; its kind does.
      expect(scopedTo('what did the press release say about the patrol', where)).toContain(
        'patrol-press-release',
      );
      // Only the press release holds "spokesperson": the one statement, on fisheries, is not meant.
      const spokesperson = 'who is the spokesperson statement about the patrol attack from';
      expect(scopedTo(spokesperson, where)).not.toEqual(['fisheries-statement']);
      const answer = answerQuestion(where, spokesperson);
      expect((answer.results[0] ?? answer.related[0])?.letterId).toBe('patrol-press-release');
      // A word the statement holds still names it.
      expect(scopedTo('what did the fisheries statement say', where)).toEqual([
        'fisheries-statement',
      ]);
      // Plural after such a word, the kind's noun is the common one (user trial 31: "do the mine
      // records cover" searched the one meeting record).
      expect(scopedTo('what did the subsidies statement say', where)).toEqual([
        'fisheries-statement',
      ]);
      expect(scopedTo('what do the subsidies statements of other States say', where)).not.toEqual([
        'fisheries-statement',
      ]);
      expect(scopedTo('what did the 2025 statements say about fisheries', where)).toEqual([
        'fisheries-statement',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
