/**
 * A problem with one corpus file. Its message names the file, and the line where one applies,
 * the way compilers do: `corpus/letter-3.txt:12: no date found in heading`.
 */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';

  constructor(
    /** Path of the file at fault, as the operator would type it. */
    readonly file: string,
    /** What is wrong, in words an operator can act on. */
    readonly problem: string,
    /** 1-based line number, when the problem sits on one line. */
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}

/** The corpus folder itself is missing or is not a folder: nothing can be served. */
export class CorpusFolderError extends Error {
  override readonly name = 'CorpusFolderError';

  constructor(
    readonly dir: string,
    /** What is at `dir` instead of a folder. */
    readonly found: 'missing' | 'file' = 'missing',
  ) {
    super(
      found === 'file'
        ? `${dir} (CORPUS_DIR) is a file, not a folder: set CORPUS_DIR in .env to the folder that holds the documents.`
        : `No corpus folder at ${dir} (CORPUS_DIR): create it and put the documents in it, or set CORPUS_DIR in .env to the folder that holds them.`,
    );
  }
}

/**
 * Words of a file quoted in a message, cut at a word with "…" when longer than `max` characters:
 * "…addressed to the" rather than "…addres".
 */
export function quotedStart(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).trimEnd()}…`;
}
