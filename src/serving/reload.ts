import { type FSWatcher, watch } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CorpusError } from '../corpus/errors.ts';
import { documentNoun, type Letter } from '../corpus/schema.ts';
import { count } from '../render/count.ts';
import { openCorpus } from '../search/cache.ts';
import { warmUp } from '../search/warm.ts';
import type { AnnexState } from './state.ts';

/** What a reload changed. */
export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files refused, with why (`file:line: problem`). */
  rejected: string[];
  letters: number;
  ms: number;
}

/** Quiet time after the last change in the folder before re-indexing. */
export const RELOAD_DEBOUNCE_MS = 750;

function diff(
  before: readonly Letter[],
  after: readonly Letter[],
  problems: readonly CorpusError[],
  ms: number,
): ReloadReport {
  const old = new Map(before.map((l) => [l.id, l.sha256]));
  const now = new Map(after.map((l) => [l.id, l.sha256]));
  return {
    added: after.filter((l) => !old.has(l.id)).map((l) => l.id),
    changed: after.filter((l) => old.has(l.id) && old.get(l.id) !== l.sha256).map((l) => l.id),
    removed: before.filter((l) => !now.has(l.id)).map((l) => l.id),
    rejected: problems.map((p) => p.message),
    letters: after.length,
    ms,
  };
}

/**
 * The index worker's entry: the built bundle beside this one (dist/build-worker.cjs), or, when
 * running from the TypeScript sources (the tests), an entry that registers tsx first.
 */
const WORKER = import.meta.url.endsWith('.ts')
  ? new URL('../search/build-worker-entry.mjs', import.meta.url)
  : new URL('./build-worker.cjs', import.meta.url);

/** Builds the index for `dir` in a worker thread, saving it in `cacheDir`. */
export function buildInWorker(dir: string, cacheDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { dir, cacheDir } });
    worker.once('message', (m: { ok: boolean; message?: string }) =>
      m.ok ? resolve() : reject(new Error(m.message)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`index worker exited with code ${code}`));
    });
  });
}

/**
 * Keeps the served index in step with the corpus folder: a change (debounced) re-indexes in the
 * background and swaps the new index in at once, so queries in flight finish on the old one. A
 * bad new file is reported and left out; the rest keeps serving. Reloads never overlap.
 */
export class CorpusReloader {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReloadReport> | null = null;
  private again = false;

  constructor(
    private readonly corpusDir: string,
    private readonly cacheDir: string | null,
    private readonly state: AnnexState,
    private readonly logger: Logger,
    private readonly options: {
      debounceMs?: number;
      /** Told after each reload that this process built (the HTTP workers tell the others). */
      onBuilt?: (report: ReloadReport) => void;
    } = {},
  ) {}

  /** Watches the corpus folder; if it cannot (the folder went away), says so and serves on. */
  start(): void {
    try {
      this.watcher = watch(this.corpusDir, { recursive: true }, () => this.schedule());
    } catch (error) {
      this.logger.error(
        { err: error },
        'cannot watch the corpus folder: new documents are picked up only by /reload',
      );
      return;
    }
    this.watcher.on('error', (error) =>
      this.logger.error({ err: error }, 'watching the corpus folder failed'),
    );
  }

  stop(): void {
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reload().catch(() => undefined);
    }, this.options.debounceMs ?? RELOAD_DEBOUNCE_MS);
  }

  /**
   * Re-indexes now (or after the reload under way) and swaps the new index in. With `build`
   * false, loads the index another process saved instead (never a half-built one: it is
   * written to a temporary folder and renamed into place).
   */
  async reload({ build = true }: { build?: boolean } = {}): Promise<ReloadReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run(build).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
    return this.running;
  }

  private async run(build: boolean): Promise<ReloadReport> {
    const started = performance.now();
    const before = this.state.index.letters;
    try {
      if (build && this.cacheDir) await buildInWorker(this.corpusDir, this.cacheDir);
      const { corpus, index } = await openCorpus(this.corpusDir, this.cacheDir);
      // The new index answers its first question as fast as the old one answers.
      warmUp(index);
      this.state.swap(index);
      const report = diff(
        before,
        corpus.letters,
        corpus.problems,
        Math.round(performance.now() - started),
      );
      for (const problem of report.rejected)
        this.logger.warn({ problem }, 'file refused on reload');
      for (const warning of corpus.warnings)
        this.logger.warn({ file: warning.file, line: warning.line }, warning.message);
      this.logger.info(
        { ...report, rejected: report.rejected.length },
        `corpus reloaded: ${count(report.letters, documentNoun(corpus.letters))}`,
      );
      if (build) this.options.onBuilt?.(report);
      return report;
    } catch (error) {
      this.logger.error({ err: error }, 'corpus reload failed; the previous index keeps serving');
      throw error;
    }
  }
}
