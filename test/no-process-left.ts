import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A process seen running: its id, its command line, and when it started (`pid:start`). */
interface Running {
  pid: number;
  command: string;
  /** The id with the start time (in clock ticks since boot), so a reused id reads as new. */
  key: string;
}

/** When a process started, in clock ticks since boot (field 22 of `/proc/<pid>/stat`). */
function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

/** Processes running one of the files under `dir` (the bot, its shards, the CLI). */
function processesRunning(dir: string): Running[] {
  const found: Running[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (command.includes(dir)) found.push({ pid, command, key: `${pid}:${startTime(pid)}` });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Watches the processes that run a file under `dir`: the function returned, called after the
 * run, stops every one that started since and is still running and, if there was any, reports
 * them and calls `exit(1)`. One that ran before (a server the operator started by hand from
 * this checkout) is none of the tests' doing: it is left alone and not reported.
 */
export function guardProcesses(
  dir: string,
  exit: (code: number) => void = (code) => process.exit(code),
): () => Running[] {
  const before = new Set(processesRunning(dir).map((p) => p.key));
  return () => {
    const left = processesRunning(dir).filter((p) => !before.has(p.key));
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (left.length > 0) {
      console.error(
        `The tests left processes running (now stopped):\n${left.map((p) => `  ${p.pid} ${p.command}`).join('\n')}`,
      );
      // vitest reports an error thrown here but still exits 0: fail the run outright.
      exit(1);
    }
    return left;
  };
}

/**
 * vitest's global setup: after the whole run, no process started from the build during the run
 * may still be running. Any that is, is stopped, and the run fails naming it.
 */
export default function setup(): () => void {
  const teardown = guardProcesses(`${path.resolve(import.meta.dirname, '..', 'dist')}${path.sep}`);
  return () => void teardown();
}
