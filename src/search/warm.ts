import type SearchableMap from 'minisearch/SearchableMap';
import { rememberConcepts } from './analyze.ts';
import { answerQuestion } from './answer.ts';
import { askExamples } from './examples.ts';
import type { SearchIndex } from './search-index.ts';
import { wordVectors } from './vectors.ts';
import { englishWordNet } from './wordnet.ts';

/**
 * Questions asked when an index starts serving, each of another kind (a count with a typo and a
 * reason, a document named by its author and year, a speaker, a time), so that what the stages
 * read on first use is read then and the code they run is compiled, before any user asks. At
 * 10,952 speeches the eval questions asked after these four took about a fifth less CPU time
 * than after one question; after nine, no less than after four, while each costs start-up time.
 */
export const WARM_UP_QUESTIONS: readonly string[] = [
  'How many people did the government say were kiled in 2020, and why?',
  'what did france say in 1990 about disarmament',
  'Who signed the statement on the peace agreement?',
  'When did the Secretary-General visit the region?',
];

/**
 * Reads now what answering any index reads on first use: WordNet's files whole and the word
 * vectors. A server passes it to `openCorpus` as `whileReading`, so that it is done while the
 * saved index's files are read (and the index's catalog, made on load, looks its authors' names
 * up in memory rather than in WordNet's files); `warmUp` calls it too (a second call costs
 * nothing).
 */
export function prepareToServe(): void {
  englishWordNet().load();
  wordVectors();
}

/**
 * Reads now what answering would otherwise read on first use (`prepareToServe`), remembers the concepts of the index's words (`rememberConcepts`) and answers
 * `WARM_UP_QUESTIONS`, so that the first user's answer is as fast as the hundredth; and makes sure
 * of the examples how-to-ask and `/help` offer (`askExamples`: those saved with the index when it
 * was built, made now only for an index saved without them), so that the first to ask for them
 * does not wait. Servers call it before they take questions; a one-off CLI command need not.
 */
export function warmUp(index: SearchIndex): void {
  prepareToServe();
  rememberConcepts(entriesOf(index.surfaceWords));
  for (const question of WARM_UP_QUESTIONS) answerQuestion(index, question);
  askExamples(index, (question) => answerQuestion(index, question));
}

/** A node of a `SearchableMap`'s tree: its entries, a word's end ("") holding the word's value. */
type TreeNode = Map<string, unknown>;

/**
 * A `SearchableMap`'s words and values in its own order, read off its tree: iterating the map
 * (a generator that builds a path of entries per word) took four times as long, 80 ms at start
 * for the General Debate Corpus's 82,000 words.
 */
export function entriesOf<T>(map: SearchableMap<T>): [string, T][] {
  const entries: [string, T][] = [];
  const walk = (node: TreeNode, prefix: string) => {
    for (const [label, child] of node)
      if (label === '') entries.push([prefix, child as T]);
      else walk(child as TreeNode, prefix + label);
  };
  walk(map._tree as unknown as TreeNode, '');
  // The map's iterator takes each node's entries last first: the whole walk backwards.
  return entries.reverse();
}
