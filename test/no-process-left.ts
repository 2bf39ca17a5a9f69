import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Processes running one of this checkout's built files (the bot, its shards, the CLI). */
function builtProcesses(): { pid: number; command: string }[] {
  const dist = `${path.resolve(import.meta.dirname, '..', 'dist')}${path.sep}`;
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (command.includes(dist)) found.push({ pid, command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * vitest's global setup: after the whole run, no process started from the build may still be
 * running. Any that is, is stopped, and the run fails naming it.
 */
export default function setup(): () => void {
  return () => {
    const left = builtProcesses();
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
      process.exit(1);
    }
  };
}
