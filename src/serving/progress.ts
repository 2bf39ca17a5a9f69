/**
 * Shows how far a long index build has got: a progress bar (cli-progress) on a terminal, and
 * otherwise (the bot and `serve` under a process manager, CI) a log line every 10 %.
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { BuildProgress } from '../search/cache.ts';

const require = createRequire(import.meta.url);
/** cli-progress, loaded when a bar is first drawn: most starts read a saved index and draw none. */
const cliProgress = (): typeof CliProgress => require('cli-progress') as typeof CliProgress;

/** A log line is written each time another tenth of the files has been read. */
const LOG_STEPS = 10;
/** Below this many files a build takes a moment: no progress is shown. */
const MIN_FILES = 200;

/**
 * A `BuildProgress` that draws a bar on `stream` when it is a terminal, and otherwise (or with
 * no stream: a process that logs) calls `log` with a line at every 10 % of the files read and
 * when indexing starts and ends.
 */
export function buildProgress(
  stream: NodeJS.WriteStream | null,
  log: (line: string) => void,
): BuildProgress {
  let bar: CliProgress.SingleBar | null = null;
  let nextLog = 0;
  let started = 0;
  return (stage, done, total) => {
    if (stage === 'reading' && total < MIN_FILES) return;
    if (stage === 'indexing') {
      if (bar) {
        bar.stop();
        bar = null;
      }
      if (started === 0) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      log(
        done === 0
          ? `indexing the passages (files read in ${seconds} s) …`
          : `index built in ${seconds} s`,
      );
      return;
    }
    if (done === 0) {
      started = Date.now();
      nextLog = 0;
      if (stream?.isTTY) {
        bar = new (cliProgress().SingleBar)(
          {
            stream,
            format:
              'reading documents |{bar}| {percentage}% | {value}/{total} files | ETA {eta_formatted}',
            hideCursor: true,
          },
          cliProgress().Presets.shades_classic,
        );
        bar.start(total, 0);
        return;
      }
    }
    if (bar) {
      bar.update(done);
      return;
    }
    const tenth = Math.floor((done * LOG_STEPS) / total);
    if (tenth >= nextLog) {
      log(`reading documents: ${tenth * (100 / LOG_STEPS)}% (${done} of ${total} files)`);
      nextLog = tenth + 1;
    }
  };
}
