import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { guardProcesses } from './no-process-left.ts';

/** Starts a node process that idles, with `file` on its command line as if it ran that file. */
function idleNodeRunning(file: string) {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', file], {
    detached: true,
    stdio: 'ignore',
  });
}

/** Whether a process with this id still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until a process is reaped (or a second passed). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
}

describe('guardProcesses (the global teardown)', () => {
  it('stops and reports a process the run started, and leaves alone one that ran before it (user trial 6)', async () => {
    const dist = `${await tempDir()}${path.sep}`;
    const operators = idleNodeRunning(path.join(dist, 'serve.cjs'));
    const exits: number[] = [];
    try {
      await new Promise((r) => operators.once('spawn', r));
      const teardown = guardProcesses(dist, (code) => exits.push(code));
      const leftByATest = idleNodeRunning(path.join(dist, 'cli.cjs'));
      await new Promise((r) => leftByATest.once('spawn', r));

      const stopped = teardown();

      expect(stopped.map((p) => p.pid)).toEqual([leftByATest.pid]);
      expect(exits).toEqual([1]);
      expect(await gone(leftByATest.pid!)).toBe(true);
      expect(alive(operators.pid!)).toBe(true);
    } finally {
      operators.kill('SIGKILL');
    }
  });

  it('passes a run that left nothing running', async () => {
    const dist = `${await tempDir()}${path.sep}`;
    const exits: number[] = [];
    const teardown = guardProcesses(dist, (code) => exits.push(code));
    expect(teardown()).toEqual([]);
    expect(exits).toEqual([]);
  });
});
