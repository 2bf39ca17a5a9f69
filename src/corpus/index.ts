/** The corpus: UN letters read from text files into typed, validated `Letter`s. No Discord here. */
export { type Block, readBlocks, stripEmphasis } from './blocks.ts';
export { formatUnDate, parseWrittenDate } from './dates.ts';
export { CorpusError, CorpusFolderError } from './errors.ts';
export { findLetterByKey, namesLetter } from './identify.ts';
export {
  assertCorpusFolder,
  type Corpus,
  decodeLetterFile,
  LETTER_EXTENSIONS,
  letterIdFor,
  loadCorpus,
  loadLetterFile,
  MAX_LETTER_BYTES,
  SIDECAR_SUFFIX,
} from './load.ts';
export { type Masthead, parseMasthead, splitSymbol } from './masthead.ts';
export { isSignature, type LetterSource, parseLetter } from './parse-letter.ts';
export { Annex, Letter, PartKind, Passage, Sidecar, Signatory } from './schema.ts';
