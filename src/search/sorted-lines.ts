import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * Where a line (`buffer[start, end)`, without its newline) sorts against what is sought:
 * negative when the line sorts before it, 0 or positive otherwise.
 */
export type LineVsKey = (buffer: Buffer, start: number, end: number) => number;

const NEWLINE = 0x0a;

/**
 * Below this many bytes left between the bounds, a file search reads them whole and finishes in
 * memory: a few lines of WordNet's files, read in one call rather than probed line by line.
 */
const SEARCH_SPAN_BYTES = 8_192;
/** What one probe of a file search reads first (doubled until it holds a whole line). */
const PROBE_BYTES = 512;

/**
 * Binary search of a buffer of sorted lines: the start of the first line that `lineVsKey` does
 * not put before what is sought, or the buffer's length.
 */
export function firstLineNotBefore(buffer: Buffer, lineVsKey: LineVsKey): number {
  let lo = 0;
  let hi = buffer.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : buffer.lastIndexOf(NEWLINE, mid - 1) + 1;
    let end = buffer.indexOf(NEWLINE, start);
    if (end < 0) end = buffer.length;
    if (lineVsKey(buffer, start, end) < 0) lo = end + 1;
    else hi = start;
  }
  return lo;
}

/**
 * A file of sorted lines (one of WordNet's index files), searched by binary search. The first
 * searches read only the bytes they probe (a CLI call looks up a few dozen words: reading the
 * 5–7 MB files whole cost it more than the rest of WordNet did); after `searchesBeforeWholeRead`
 * of them, or on `whole()`, the file is read whole and searched in memory, as a server or an
 * index build, which look up thousands, want. Either way a search finds the same line.
 */
export class SortedLineFile {
  private buffer: Buffer | null = null;
  private fd: number | null = null;
  private size = -1;
  private searches = 0;
  /**
   * Per point a file search probed: the first line that starts after it (its start and bytes),
   * or null when none does. Every search halves the same spans at first, so the probes near the
   * top of the search are shared: a CLI call's few hundred look-ups read them once.
   */
  private readonly probes = new Map<number, { start: number; line: Buffer } | null>();
  /** How many reads the file searches made (for the tests and benchmarks). */
  reads = 0;

  constructor(
    readonly file: string,
    private readonly searchesBeforeWholeRead: number,
  ) {}

  /** The whole file, read now if it was not yet. */
  whole(): Buffer {
    if (!this.buffer) {
      this.buffer = readFileSync(this.file);
      this.probes.clear();
      this.closeFile();
    }
    return this.buffer;
  }

  /** Whether the file has been read whole. */
  get isRead(): boolean {
    return this.buffer !== null;
  }

  /**
   * The first line `lineVsKey` does not put before what is sought, as a buffer and its bounds
   * there; null past the last line. (`linesFrom` without a generator: a lemma's lookup, made
   * tens of thousands of times by a server's first questions and by an index build.)
   */
  firstLine(lineVsKey: LineVsKey): [Buffer, number, number] | null {
    if (!this.buffer && ++this.searches > this.searchesBeforeWholeRead) this.whole();
    if (this.buffer) {
      const buffer = this.buffer;
      const at = firstLineNotBefore(buffer, lineVsKey);
      if (at >= buffer.length) return null;
      let end = buffer.indexOf(NEWLINE, at);
      if (end < 0) end = buffer.length;
      return [buffer, at, end];
    }
    const at = this.searchFile(lineVsKey);
    if (at >= this.size) return null;
    const [chunk, end] = this.lineAt(at);
    return [chunk, 0, end];
  }

  /**
   * The lines from the first one `lineVsKey` does not put before what is sought, in order, each
   * as a buffer and its bounds there (a line's bytes are valid until the next one is asked for).
   */
  *linesFrom(lineVsKey: LineVsKey): Generator<[Buffer, number, number]> {
    if (!this.buffer && ++this.searches > this.searchesBeforeWholeRead) this.whole();
    if (this.buffer) {
      const buffer = this.buffer;
      for (let at = firstLineNotBefore(buffer, lineVsKey); at < buffer.length;) {
        let end = buffer.indexOf(NEWLINE, at);
        if (end < 0) end = buffer.length;
        yield [buffer, at, end];
        at = end + 1;
      }
      return;
    }
    for (let at = this.searchFile(lineVsKey); at < this.size;) {
      const [chunk, end] = this.lineAt(at);
      yield [chunk, 0, end];
      at += end + 1;
    }
  }

  /** Closes the file (a later search opens it again). */
  close(): void {
    this.closeFile();
  }

  private closeFile(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Opens the file if it is not open; its size is known from then on. */
  private open(): number {
    if (this.fd === null) {
      this.fd = openSync(this.file, 'r');
      this.size = statSync(this.file).size;
    }
    return this.fd;
  }

  /** `length` bytes of the file from `position` (fewer at its end). */
  private read(position: number, length: number): Buffer {
    const fd = this.open();
    this.reads += 1;
    const bytes = Buffer.allocUnsafe(Math.max(0, Math.min(length, this.size - position)));
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done === bytes.length ? bytes : bytes.subarray(0, done);
  }

  /** The line starting at `at`: a buffer that starts with it, and where it ends there. */
  private lineAt(at: number): [Buffer, number] {
    for (let length = PROBE_BYTES; ; length *= 2) {
      const chunk = this.read(at, length);
      const end = chunk.indexOf(NEWLINE);
      if (end >= 0) return [chunk, end];
      if (at + chunk.length >= this.size) return [chunk, chunk.length];
    }
  }

  /**
   * `firstLineNotBefore` on the file, reading only what it probes: halves the span between a
   * line start known to be at or before the answer and one known to be at or after it, by the
   * first line starting after the middle, until the span is small enough to read whole.
   */
  private searchFile(lineVsKey: LineVsKey): number {
    this.open();
    let lo = 0;
    let hi = this.size;
    while (hi - lo > SEARCH_SPAN_BYTES) {
      // The first line that starts after the middle, and before `hi` (else the span holds no probe).
      const found = this.probe((lo + hi) >>> 1);
      if (!found || found.start >= hi) break;
      if (lineVsKey(found.line, 0, found.line.length) < 0) lo = found.start + found.line.length + 1;
      else hi = found.start;
    }
    const span = this.read(lo, hi - lo);
    return lo + firstLineNotBefore(span, lineVsKey);
  }

  /** The first line that starts after `at` (`probes`), read once per point. */
  private probe(at: number): { start: number; line: Buffer } | null {
    let found = this.probes.get(at);
    if (found !== undefined) return found;
    found = null;
    for (let from = at; from < this.size; from += PROBE_BYTES) {
      const newline = this.read(from, PROBE_BYTES).indexOf(NEWLINE);
      if (newline < 0) continue;
      const start = from + newline + 1;
      if (start < this.size) {
        const [chunk, end] = this.lineAt(start);
        found = { start, line: Buffer.from(chunk.subarray(0, end)) };
      }
      break;
    }
    this.probes.set(at, found);
    return found;
  }
}
