import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { freePort } from '../../scripts/lib/http-load.ts';
import { CORPUS_DIR, ROOT, startProcess, tempDir } from '../helpers.ts';
import { TOKEN } from './harness.ts';
import { useStandIn } from './processes.ts';
import { APP_ID } from './stand-in.ts';

const discord = useStandIn();

/** The processes below `pid`, read from /proc (Linux). */
function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Whether `pid` is still running (a zombie, exited but not yet reaped, is not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('npm scripts under a supervisor (Linux)', () => {
  it.each([
    [
      'start',
      'Annex ready',
      async (): Promise<Record<string, string>> => ({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: discord().apiUrl,
      }),
    ],
    [
      'serve',
      'Annex serving interactions',
      async (): Promise<Record<string, string>> => ({
        DISCORD_PUBLIC_KEY: 'a'.repeat(64),
        PORT: String(await freePort()),
      }),
    ],
  ])(
    'SIGTERM to `npm run %s` stops Annex too: nothing is left running',
    async (script, ready, env) => {
      const npm = startProcess('npm', ['run', script, '--silent'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DISCORD_APPLICATION_ID: APP_ID,
          CORPUS_DIR,
          INDEX_CACHE_DIR: await tempDir(),
          ...(await env()),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      npm.stdout?.on('data', (d) => (out += d));
      npm.stderr?.on('data', (d) => (out += d));
      await vi.waitFor(() => expect(out).toContain(ready), { timeout: 30_000, interval: 100 });
      const annex = descendants(npm.pid ?? 0);
      expect(annex.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await once(npm, 'exit');
      // npm exits only once the process it started has: whatever still runs was orphaned.
      expect(annex.filter(running)).toEqual([]);
    },
    45_000,
  );
});
