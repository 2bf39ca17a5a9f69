import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { conceptOf } from '../../src/search/analyze.ts';
import { GlossaryFile } from '../../src/search/glossary.ts';
import { SearchIndex } from '../../src/search/index.ts';
import { expansionKey, specificityOfUsage } from '../../src/search/lexicon.ts';
import { WEIGHTS } from '../../src/search/model.ts';
import { WordNet } from '../../src/search/wordnet.ts';
import { CORPUS_DIR } from '../helpers.ts';

const wordnet = new WordNet();

describe('WordNet', () => {
  it('finds a lemma by binary search, its senses most frequent first', () => {
    const [first] = wordnet.senses('hinder', 'verb');
    expect(first).toBeDefined();
    expect(wordnet.synset(first ?? 0, 'verb').words).toEqual(['impede', 'hinder']);
    expect(wordnet.senses('zzzznotaword', 'noun')).toEqual([]);
  });

  it('reads multi-word lemmas and base forms, irregular ones too', () => {
    expect(wordnet.hasLemma('hand over', 'verb')).toBe(true);
    expect(wordnet.baseForms('mines', 'noun')).toContain('mine');
    expect(wordnet.baseForms('dug', 'verb')).toContain('dig');
    expect(wordnet.baseForms('children', 'noun')).toContain('child');
  });

  it('tells English words from names and typos', () => {
    expect(wordnet.isWord('president')).toBe(true);
    expect(wordnet.isWord('manufactured')).toBe(true);
    expect(wordnet.isWord('kalbajar')).toBe(false);
    expect(wordnet.isWord('relashions')).toBe(false);
  });

  it('counts how often a lemma is used in general English', () => {
    expect(wordnet.usageCount('people')).toBeGreaterThan(wordnet.usageCount('condolence'));
    expect(wordnet.usageCount('kalbajar')).toBe(0);
  });

  it('reads the same synsets one by one as from its data files read whole', () => {
    const senses = ['hinder', 'mine', 'road', 'vehicle'].flatMap((w) =>
      (['noun', 'verb'] as const).flatMap((pos) =>
        wordnet.senses(w, pos).map((offset) => ({ offset, pos })),
      ),
    );
    const few = new WordNet();
    const alone = senses.map((s) => few.synset(s.offset, s.pos));
    // A server reads the data files whole at start (`load`), a CLI call line by line.
    const whole = new WordNet().load();
    expect(senses.map((s) => whole.synset(s.offset, s.pos))).toEqual(alone);
    expect(alone.some((s) => s.words.includes('impede'))).toBe(true);
    few.close();
  });

  it('counts the same whether it searches for a few lemmas or reads them all for many', () => {
    const lemmas = ['people', 'mine', 'leave', 'hood', 'new york', 'condolence', 'kalbajar'];
    const read = (w: WordNet) =>
      lemmas.map((l) => [
        w.usageCount(l),
        w.posUsageCount(l, 'noun'),
        w.posUsageCount(l, 'verb'),
        w.senseUsageCount(l, 'noun', w.senses(l, 'noun')[0] ?? 0),
      ]);
    const searched = read(new WordNet());
    const many = new WordNet();
    // Past a few thousand look-ups, the whole sense index is read at once.
    for (let i = 0; i < 3_000; i++) many.usageCount(`notaword${i}`);
    expect(read(many)).toEqual(searched);
    expect(searched[1]?.[1]).toBeGreaterThan(0);
    expect(searched[2]?.[2]).toBeGreaterThan(searched[2]?.[1] ?? 0);
  });
});

describe('the lexicon built with an index', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = SearchIndex.build((await loadCorpus(CORPUS_DIR)).letters);
  });
  const related = (word: string) => index.related(expansionKey(word)).map((r) => r.concept);

  it('relates a user’s word to the letters’ synonyms, below the word itself', () => {
    expect(related('hurt')).toContain(conceptOf('wounded'));
    expect(related('hinder')).toContain(conceptOf('impede'));
    for (const r of index.related(expansionKey('hurt'))) expect(r.weight).toBeLessThan(1);
  });

  it('relates a verb’s synonyms to a noun of the act, as a derived word’s synonym ("find": "detection")', () => {
    const detection = index
      .related(expansionKey('find'))
      .find((r) => r.concept === conceptOf('detection'));
    expect(detection?.weight).toBe(WEIGHTS.derivedSynonym);
  });

  it('finds a word of the letters by the word for what it is a kind of, at the weight fitted for kinds', () => {
    // A home is a kind of house (WordNet's hypernym of its usual sense): "their houses" finds
    // the letters' "homes"; "houses" is no word of theirs.
    const home = index.related(expansionKey('house')).find((r) => r.concept === conceptOf('home'));
    expect(home?.weight).toBe(WEIGHTS.kind);
    // Not the other way round: a kind ("car") does not find the letters' word for what it is
    // a kind of ("vehicle"); word vectors may.
    expect(related('car')).not.toContain(conceptOf('vehicle'));
  });

  it('relates the name of a land to its people’s adjective, by WordNet’s pertainym too', () => {
    // "Armenian" is derived from "Armenia" in WordNet; "Azerbaijani" only pertains to "Azerbaijan".
    expect(related('armenia')).toContain(conceptOf('armenian'));
    expect(related('azerbaijan')).toContain(conceptOf('azerbaijani'));
  });

  it('keeps to a word’s usual senses: "go" does not find "die"', () => {
    expect(related('go')).not.toContain(conceptOf('die'));
  });

  it('counts a sense used as often as the last of the first ones: "hurt" finds "injured"', () => {
    expect(related('hurt')).toContain(conceptOf('injured'));
  });

  it('leaves out senses general English hardly uses: "off" (an adverb) is not "kill"', () => {
    expect(wordnet.senseUsageCount('off', 'verb', wordnet.senses('off', 'verb')[0] ?? 0)).toBe(0);
    expect(related('off')).not.toContain(conceptOf('killed'));
  });

  it('counts a word in a letter’s title as common: every passage of that letter shows it', () => {
    const un = conceptOf('nations');
    expect(index.reach(un)).toBeGreaterThan(index.documentFrequency(un));
    expect(index.reach(conceptOf('Kalbajar'))).toBe(index.documentFrequency(conceptOf('Kalbajar')));
  });

  it('reads multi-word lemmas, with irregular forms ("kicked out", "blew up")', () => {
    expect(related('kicked out')).toContain(conceptOf('expelled'));
    expect(related('blew up')).toContain(conceptOf('exploded'));
  });

  it('keeps only the letters’ own concepts', () => {
    for (const r of index.related(expansionKey('hurt')))
      expect(
        index.documentFrequency(r.concept) + (index.inHeadings(r.concept) ? 1 : 0),
      ).toBeGreaterThan(0);
  });

  it('knows what the letters’ nouns are kinds of: citizens are persons', () => {
    expect(index.kindsOf(conceptOf('person'))).toContain(conceptOf('citizens'));
    expect(index.kindsOf(conceptOf('people'))).toContain(conceptOf('civilians'));
  });

  it('rates a name above a common English word as rare in the letters', () => {
    const specificity = (word: string) =>
      specificityOfUsage(index.arrays.usage[index.conceptId(conceptOf(word))] ?? 0);
    expect(specificity('Kalbajar')).toBe(1);
    expect(specificity('people')).toBeLessThan(0.7);
  });
});

describe('the glossary file', () => {
  it('refuses an entry without forms or meanings, naming the field', () => {
    const bad = GlossaryFile.safeParse({
      about: '',
      terms: [{ kind: 'abbreviation', forms: [], means: ['Secretary-General'] }],
      phrasing: [],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['terms', 0, 'forms']);
  });
});
