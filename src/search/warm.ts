import { answerQuestion } from './answer.ts';
import type { SearchIndex } from './search-index.ts';
import { wordVectors } from './vectors.ts';
import { englishWordNet } from './wordnet.ts';

/**
 * A question asked once when an index starts serving: it goes through every stage (spelling,
 * WordNet, word vectors, a count, a date, a speaker), so that what they read on first use is read
 * then, and the code they run is compiled, before any user asks.
 */
export const WARM_UP_QUESTION =
  'How many people did the government say were kiled in 2020, and why?';

/**
 * Reads now what answering would otherwise read on first use (WordNet's files, the word vectors,
 * the glossary) and answers one question, so that the first user's answer is as fast as the
 * hundredth. Servers call it before they take questions; a one-off CLI command need not.
 */
export function warmUp(index: SearchIndex): void {
  englishWordNet().load();
  wordVectors();
  answerQuestion(index, WARM_UP_QUESTION);
}
