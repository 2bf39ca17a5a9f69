import { rememberConcepts } from './analyze.ts';
import { answerQuestion } from './answer.ts';
import type { SearchIndex } from './search-index.ts';
import { wordVectors } from './vectors.ts';
import { englishWordNet } from './wordnet.ts';

/**
 * Questions asked when an index starts serving, one of each kind a user asks (a count with a
 * typo, a time, a speaker, a place, a share, a sum, a yes-or-no, a quoted phrase, a document
 * named by its author and year), so that what the stages read on first use is read then and the
 * code they run is compiled, before any user asks. One question was not enough: at 10,000
 * speeches the first ten users' answers still took two to four times the later ones' while V8
 * compiled what a kind of question it had not yet seen runs.
 */
export const WARM_UP_QUESTIONS: readonly string[] = [
  'How many people did the government say were kiled in 2020, and why?',
  'When did the Secretary-General visit the region?',
  'Who signed the statement on the peace agreement?',
  'Where were the refugees returned to?',
  'What percentage of the budget went to health?',
  'How much money was pledged to the humanitarian fund?',
  'did the delegation mention climate change at the UNGA?',
  'what did the minister say about "human rights" in the 2019 letter',
  'what did france say in 1990 about disarmament',
];

/**
 * Reads now what answering would otherwise read on first use (WordNet's files, the word vectors,
 * the glossary), remembers the concepts of the index's words (`rememberConcepts`) and answers
 * `WARM_UP_QUESTIONS`, so that the first user's answer is as fast as the hundredth. Servers call
 * it before they take questions; a one-off CLI command need not.
 */
export function warmUp(index: SearchIndex): void {
  englishWordNet().load();
  wordVectors();
  rememberConcepts(index.surfaceWords);
  for (const question of WARM_UP_QUESTIONS) answerQuestion(index, question);
}
