import type SearchableMap from 'minisearch/SearchableMap';
import { conceptOf, fold } from './analyze.ts';
import { WEIGHTS } from './model.ts';
import {
  type PartOfSpeech,
  PARTS_OF_SPEECH,
  type Synset,
  englishWordNet,
  type WordNet,
} from './wordnet.ts';

/**
 * What a word a user may type relates to in the letters, read from WordNet when the index is
 * built and kept to the concepts the letters contain: other forms of a word ("dug" → "dig"),
 * synonyms ("hinder" → "impede"), derived words ("reconstruction" → "reconstruct"), and what a
 * verb causes ("kill" → "die"). (WordNet's "similar" adjectives were tried: too loose.) Questions look words up here; nothing of
 * WordNet is read while answering.
 */

/** A concept of the letters that a user's word relates to, and how much a match counts. */
export interface Related {
  concept: string;
  /** Below 1: a related word counts less than the user's own word. */
  weight: number;
}

/**
 * How a word relates to a concept of the letters, closest first: another form of the same word
 * ("dug" for "dig"), another spelling of a name, a synonym, a derived word ("reconstruction" ~
 * "reconstruct", or a verb's cause, "kill" ~ "die"), the word for what it is a kind of ("vote"
 * for "plebiscite"), a synonym of a derived word ("find" for "detection"). The index keeps the
 * closest relation; what a match through each counts is fitted (`Weights`, `relationWeight`).
 */
export const RELATIONS = [
  'form',
  'variant',
  'synonym',
  'derived',
  'kind',
  'derivedSynonym',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** A concept of the letters that a user's word relates to, and how (a `RELATIONS` index). */
export interface Link {
  concept: string;
  relation: number;
}

/** User's word (its concept, or a multi-word lemma's stems joined by spaces) → related concepts. */
export type Expansions = ReadonlyMap<string, readonly Link[]>;

/** Another form of the same word ("dug" for "dig", "died" for "die"): as good as the word. */
export const FORM_WEIGHT = 1;

/** What a match through the relation at `relation` in `RELATIONS` counts (the fitted `WEIGHTS`). */
export function relationWeight(relation: number): number {
  const name = RELATIONS[relation] ?? 'form';
  return name === 'form' ? FORM_WEIGHT : WEIGHTS[name];
}

/** Each relation's place in `RELATIONS`, as the index keeps it. */
const FORM = RELATIONS.indexOf('form');
const VARIANT = RELATIONS.indexOf('variant');
const SYNONYM = RELATIONS.indexOf('synonym');
const DERIVED = RELATIONS.indexOf('derived');
const KIND = RELATIONS.indexOf('kind');
const DERIVED_SYNONYM = RELATIONS.indexOf('derivedSynonym');

/** The parts of speech whose kinds find their words. */
const KIND_PARTS: ReadonlySet<PartOfSpeech> = new Set(['noun', 'verb']);
/**
 * Only a word's most frequent senses count, on both sides: "go" shares a synset with "die", but
 * that is not among the first senses of "go", so a user's "go" does not find "die".
 */
export const MAX_SENSES = 3;
/** A lemma SemCor tags this often or more shows which of its senses people use… */
export const MIN_TAGGED_USES = 5;
/** …and a sense with less than this share of its uses is not what the word usually means. */
export const RARE_SENSE_SHARE = 0.05;
/** Names this long or longer, one edit apart, are taken for spellings of one name. */
const VARIANT_MIN_LENGTH = 6;

/** How many steps up WordNet's is-a hierarchy a noun's kinds are read ("citizen" → … → "person"). */
const MAX_KIND_DEPTH = 8;

/**
 * What each noun of the letters is a kind of, or a member of: a kind's key → the concepts of
 * the letters' nouns of that kind ("person" → citizen, civilian, serviceman, …; "people", whose
 * members are persons, → the same). For "how many people", a figure before "citizens" counts.
 */
export function buildKinds(
  corpusWords: SearchableMap<string>,
  wordnet: WordNet = englishWordNet(),
): Map<string, string[]> {
  const kinds = new Map<string, Set<string>>();
  for (const [word, concept] of corpusWords) {
    if (!/^\p{L}{3,}$/u.test(word)) continue;
    for (const base of wordnet.baseForms(word, 'noun')) {
      // Only the noun's usual sense: "general" is a kind of person only as an officer.
      const first = wordnet.senses(base, 'noun').slice(0, 1);
      const register = (synset: Synset) => {
        for (const lemma of synset.words) {
          const key = expansionKey(lemma);
          if (key === concept) continue;
          let set = kinds.get(key);
          if (!set) kinds.set(key, (set = new Set()));
          set.add(concept);
        }
      };
      let level = first.map((offset) => wordnet.synset(offset, 'noun'));
      const seen = new Set<number>();
      for (let depth = 0; depth < MAX_KIND_DEPTH && level.length > 0; depth++) {
        const up: Synset[] = [];
        for (const synset of level) {
          for (const p of synset.pointers) {
            if (seen.has(p.offset)) continue;
            // A kind of person is counted among "people": the group a kind is a member of.
            if (p.symbol === '#m') {
              seen.add(p.offset);
              register(wordnet.synset(p.offset, 'noun'));
            }
            if (p.symbol !== '@' && p.symbol !== '@i') continue;
            seen.add(p.offset);
            const parent = wordnet.synset(p.offset, 'noun');
            up.push(parent);
            register(parent);
          }
        }
        level = up;
      }
    }
  }
  return new Map([...kinds].map(([key, set]) => [key, [...set]]));
}

/**
 * How often general English uses each concept of the letters: SemCor's count of its most used
 * word, 0 for a word SemCor never saw (a name: "Kalbajar"). `specificityOfUsage` turns it into
 * how much the word says about what is asked.
 */
export function buildUsage(
  corpusWords: SearchableMap<string>,
  conceptId: (concept: string) => number,
  size: number,
  wordnet: WordNet = englishWordNet(),
): Float32Array {
  const usage = new Float32Array(size);
  for (const [word, concept] of corpusWords) {
    const id = conceptId(concept);
    if (id < 0 || !/^\p{L}+$/u.test(word)) continue;
    usage[id] = Math.max(usage[id] ?? 0, wordnet.wordUsage(word));
  }
  return usage;
}

/**
 * How much a word says about what is asked, from its usage in general English: a word common in
 * English ("people", "found") says less than one as rare in the letters but rare everywhere
 * ("condolences"), and a name WordNet does not know says most. 1 for a word SemCor never saw,
 * falling with the log of its usage: 1 / (1 + commonness·log2(1 + count)), `WEIGHTS.commonness`
 * fitted.
 */
export const specificityOfUsage = (count: number): number =>
  1 / (1 + WEIGHTS.commonness * Math.log2(1 + count));

/**
 * The specificity of a word the letters lack, read as the letters' words are: "back", "down",
 * "comes", common in English, say less than "headphones".
 */
export function generalSpecificity(word: string, wordnet: WordNet = englishWordNet()): number {
  return /^\p{L}+$/u.test(word) ? specificityOfUsage(wordnet.wordUsage(word)) : 1;
}

/** The key a user's word is looked up by: its concept; a multi-word lemma's stems with spaces. */
export function expansionKey(lemma: string): string {
  const words = fold(lemma)
    .split(/[\s_]+/)
    .filter(Boolean);
  return words.length === 1 ? conceptOf(words[0] ?? '') : words.map(conceptOf).join(' ');
}

/** Words WordNet may know: letters, or a small number ("2" ~ "two"). */
const LOOKUP_WORD = /^(?:\p{L}{2,}|\d{1,2})$/u;

/**
 * Builds the expansions for a corpus, given its words (folded surface form → concept). Each
 * entry keeps, per concept, the closest relation that links them.
 */
export function buildExpansions(
  corpusWords: SearchableMap<string>,
  wordnet: WordNet = englishWordNet(),
  authorWords: ReadonlySet<string> = new Set(),
): Map<string, Link[]> {
  const best = new Map<string, Map<string, number>>();
  const vocabulary = new Set<string>();
  const add = (key: string, concept: string, relation: number) => {
    if (!key || key === concept) return;
    let entry = best.get(key);
    if (!entry) best.set(key, (entry = new Map()));
    if ((entry.get(concept) ?? Infinity) > relation) entry.set(concept, relation);
  };
  const words = [...corpusWords].filter(([word]) => LOOKUP_WORD.test(word));
  for (const [, concept] of corpusWords) vocabulary.add(concept);
  const irregular = new Map<string, string[]>();
  for (const [form, base] of wordnet.irregularForms())
    irregular.set(base, [...(irregular.get(base) ?? []), form]);
  /** A multi-word lemma ("blow up") is also found with its first word's irregular forms ("blew up"). */
  const addLemma = (lemma: string, concept: string, relation: number) => {
    add(expansionKey(lemma), concept, relation);
    const [first, ...rest] = lemma.split(' ');
    if (rest.length === 0) return;
    for (const form of irregular.get(first ?? '') ?? [])
      add(expansionKey([form, ...rest].join(' ')), concept, relation);
  };
  const topSenses = new Map<string, number[]>();
  /**
   * Whether `offset` is among the first senses of `lemma` and, where SemCor has seen the word
   * often enough to tell, a sense it is used in (`RARE_SENSE_SHARE`): what the word usually means.
   * "off" is a verb for "kill" in WordNet, but people write it as an adverb. A sense SemCor uses
   * as often as the last of the first ones counts as one of them: WordNet orders senses by those
   * counts, and of "hurt"'s verb senses used 8, 8, 4, 4 and 3 times, "hurt, injure" is the
   * fourth only by the order of a tie.
   */
  const usualSense = (lemma: string, pos: PartOfSpeech, offset: number) => {
    const id = `${pos}:${lemma}`;
    let senses = topSenses.get(id);
    if (!senses) topSenses.set(id, (senses = wordnet.senses(lemma, pos).slice(0, MAX_SENSES)));
    const total = wordnet.usageCount(lemma);
    if (total < MIN_TAGGED_USES) return senses.includes(offset);
    const used = wordnet.senseUsageCount(lemma, pos, offset);
    if (used < RARE_SENSE_SHARE * total) return false;
    if (senses.includes(offset)) return true;
    const last = senses[MAX_SENSES - 1];
    return last !== undefined && used >= wordnet.senseUsageCount(lemma, pos, last);
  };
  const synsets = new Map<string, Synset>();
  const synset = (offset: number, pos: PartOfSpeech) => {
    const id = `${pos}${offset}`;
    let s = synsets.get(id);
    if (!s) synsets.set(id, (s = wordnet.synset(offset, pos)));
    return s;
  };
  for (const [word, concept] of words) {
    for (const pos of PARTS_OF_SPEECH) {
      for (const base of wordnet.baseForms(word, pos)) {
        add(expansionKey(base), concept, FORM);
        for (const offset of wordnet.senses(base, pos).slice(0, MAX_SENSES)) {
          const meaning = synset(offset, pos);
          const self = meaning.words.indexOf(base) + 1;
          for (const synonym of meaning.words) {
            if (usualSense(synonym, pos, offset)) addLemma(synonym, concept, SYNONYM);
          }
          // "vote" finds "plebiscite", "vehicle" finds "car": a word of the letters is found by
          // the word for what it is a kind of (WordNet's hypernym of its usual sense), weighted lower.
          if (KIND_PARTS.has(pos) && usualSense(base, pos, offset))
            for (const p of meaning.pointers)
              if (p.symbol === '@')
                for (const parent of synset(p.offset, pos).words)
                  if (usualSense(parent, pos, p.offset)) addLemma(parent, concept, KIND);
          for (const p of meaning.pointers) {
            const related = p.symbol === '+' && p.source === self;
            const causes = p.symbol === '>';
            // "Azerbaijani" pertains to "Azerbaijan": a people's adjective and the name of its
            // land, where WordNet has no derivation between them as it has for "Armenian".
            const land = p.symbol === '\\' && p.source === self && p.pos === 'noun';
            if (!related && !causes && !land) continue;
            const target = synset(p.offset, p.pos);
            if (land && !(target.capitalized[p.target - 1] ?? false)) continue;
            const targets = p.target > 0 ? [target.words[p.target - 1] ?? ''] : target.words;
            for (const t of targets)
              if (usualSense(t, p.pos, p.offset)) addLemma(t, concept, DERIVED);
            // "find" ~ "detect" ~ "detection": a synonym of the verb a noun of the letters names
            // the act of, weighted lower.
            if (
              related &&
              pos === 'noun' &&
              p.pos === 'verb' &&
              targets.some((t) => usualSense(t, p.pos, p.offset))
            )
              for (const t of target.words)
                if (usualSense(t, p.pos, p.offset)) addLemma(t, concept, DERIVED_SYNONYM);
          }
        }
      }
    }
  }
  // A user's irregular form of a word the letters use ("went" when they say "go"), or of a
  // word related to one ("fought" → "fight" → "combat").
  for (const [base, forms] of irregular) {
    const concept = expansionKey(base);
    const related = [...(best.get(concept) ?? [])];
    for (const form of forms) {
      const key = expansionKey(form);
      if (vocabulary.has(concept)) add(key, concept, FORM);
      for (const [other, relation] of related) add(key, other, relation);
    }
  }
  // Two spellings of one name: words WordNet does not know, one edit apart; not a word of the
  // name of a document's author, which the documents spell as that author does (user trial 22:
  // "Norvana", who wrote a letter, is not "Norvala", a donor named in another).
  for (const [word, concept] of words) {
    if (word.length < VARIANT_MIN_LENGTH || wordnet.isWord(word)) continue;
    for (const [other, [otherConcept]] of corpusWords.fuzzyGet(word, 1)) {
      if (authorWords.has(other) || authorWords.has(word)) continue;
      if (other !== word && otherConcept !== concept) add(otherConcept, concept, VARIANT);
    }
  }
  const expansions = new Map<string, Link[]>();
  for (const [key, concepts] of best) {
    expansions.set(
      key,
      [...concepts]
        .map(([concept, relation]) => ({ concept, relation }))
        .sort((a, b) => a.relation - b.relation),
    );
  }
  return expansions;
}
