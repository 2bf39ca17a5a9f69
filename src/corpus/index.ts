/**
 * The corpus: documents read from text files into typed, validated `Document`s — UN letters with
 * their heading, signatures and annexes, and any other document (statements, speeches, reports)
 * with its front matter. No Discord here.
 */
export { type Block, readBlocks, stripEmphasis } from './blocks.ts';
export {
  dateWithin,
  dayNumber,
  formatUnDate,
  lastDayNumber,
  parseDocumentDate,
  parseWrittenDate,
  UNKNOWN_DATE_LABEL,
} from './dates.ts';
export { CorpusError, CorpusFolderError } from './errors.ts';
export { formatFrontMatter, type FrontMatter, readFrontMatter } from './front-matter.ts';
export { findLetterByKey, namesLetter } from './identify.ts';
export {
  assertCorpusFolder,
  type Corpus,
  CORPUS_FORMAT,
  decodeLetterFile,
  DOCUMENT_EXTENSIONS,
  isLetterFile,
  LETTER_EXTENSIONS,
  letterWarnings,
  letterIdFor,
  loadCorpus,
  loadLetterFile,
  MAX_LETTER_BYTES,
  SIDECAR_SUFFIX,
} from './load.ts';
export { type Masthead, parseMasthead, splitSymbol } from './masthead.ts';
export { DEFAULT_KIND, parseDocument } from './parse-document.ts';
export { isSignature, type LetterSource, parseLetter } from './parse-letter.ts';
export { MAX_PASSAGE_CHARS } from './sentences.ts';
export {
  Annex,
  countDocuments,
  Document,
  type DocumentNoun,
  documentNoun,
  isLetter,
  Letter,
  MetadataSource,
  PartKind,
  Passage,
  Sidecar,
  Signatory,
} from './schema.ts';
