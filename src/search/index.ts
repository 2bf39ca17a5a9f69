/** Retrieval: verbatim, cited passages for a question, or an honest abstention. No Discord here. */
export { analyze, fold, tokenize } from './analyze.ts';
export {
  type Answer,
  type AnswerResult,
  answerQuestion,
  type AskOptions,
  commonWordsOnly,
  DEFAULT_LIMIT,
  describeScope,
  RELATED_LIMIT,
  type SearchFilters,
  type Searched,
  ABOUT_HOLDINGS,
  type Holdings,
  SMALL_TALK,
  ONLY_TIME,
  isUnsigned,
  unsigned,
} from './answer.ts';
export {
  attribution,
  DOCUMENT_URL_BASE,
  documentUrl,
  formatCitation,
  pageLabel,
  partLabel,
} from './cite.ts';
export { type Excerpt, type Highlight, pickExcerpt } from './excerpt.ts';
export { parseQuestion, type ParsedQuestion } from './question.ts';
export { parseDateHint } from './time.ts';
export { type IndexedPassage } from './index-entries.ts';
export { INDEX_FORMAT, SearchIndex } from './search-index.ts';
export { prepareToServe, warmUp } from './warm.ts';
