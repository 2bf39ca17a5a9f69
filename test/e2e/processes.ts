import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { BUILT, CORPUS_DIR, startNode, tempDir } from '../helpers.ts';
import { TOKEN } from './harness.ts';
import { APP_ID, DiscordStandIn } from './stand-in.ts';

/** A fresh stand-in for Discord for the tests of one file, started before and stopped after them. */
export function useStandIn(): () => DiscordStandIn {
  let discord: DiscordStandIn | null = null;
  beforeAll(async () => {
    discord = new DiscordStandIn();
    await discord.start();
  });
  afterAll(() => discord?.stop());
  return () => {
    if (!discord) throw new Error('stand-in not started');
    return discord;
  };
}

/** A built entry point running as a child process, with everything it printed. */
export interface BuiltProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the output matches `pattern` `count` times, or throws with the output so far. */
  waitForOutput(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
}

/** `npm start` as a child process, pointed at the stand-in. */
export type BotProcess = BuiltProcess;

/**
 * Starts a built entry point (`dist/…`) in a temporary folder with only `env` (and PATH), keeping
 * what it prints; stopped after the test.
 */
export async function startBuilt(file: string, env: Record<string, string>): Promise<BuiltProcess> {
  const child = startNode(file, [], {
    cwd: await tempDir(),
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return {
    child,
    output: () => out,
    async waitForOutput(pattern, count = 1, timeoutMs = 45_000) {
      const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
      const deadline = Date.now() + timeoutMs;
      while ((out.match(global) ?? []).length < count) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${pattern} ×${count}; output:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** Starts the built bot (dist/bot.cjs) against `discord`, in a temporary folder, with `env` added; stopped after the test. */
export async function startBotProcess(
  discord: DiscordStandIn,
  env: Record<string, string> = {},
): Promise<BotProcess> {
  return startBuilt(BUILT.bot, {
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.apiUrl,
    CORPUS_DIR,
    INDEX_CACHE_DIR: await tempDir(),
    ...env,
  });
}
