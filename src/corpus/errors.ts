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
