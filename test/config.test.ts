import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  parseBotConfig,
  parseCoreConfig,
  parseServeConfig,
  readEnvironment,
} from '../src/config.ts';
import { BUILT, tempDir } from './helpers.ts';

const run = promisify(execFile);
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.abc.def';

describe('.env.example', () => {
  it('calls the corpus documents, not letters: it may hold statements, speeches and reports (user trial 6)', () => {
    const example = readFileSync(path.join(import.meta.dirname, '..', '.env.example'), 'utf8');
    expect(example).toMatch(/^# Folder holding the documents\b[^\n]*\n(?:#[^\n]*\n)*CORPUS_DIR=/m);
    expect(example).not.toMatch(/\bthe letters\b/i);
  });
});

describe('parseBotConfig', () => {
  it('lists every missing key, points at .env.example and at the offline CLI', () => {
    expect(() => parseBotConfig({})).toThrow(ConfigError);
    try {
      parseBotConfig({});
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/DISCORD_TOKEN: missing/);
      expect(message).toMatch(/DISCORD_APPLICATION_ID: missing/);
      expect(message).toContain('.env.example');
      expect(message).toContain('npm run cli -- ask');
    }
  });

  it('names a bad value without repeating it', () => {
    const bad = 'not-a-token-but-secret';
    try {
      parseBotConfig({ DISCORD_TOKEN: bad, DISCORD_APPLICATION_ID: '123', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/DISCORD_TOKEN: does not look like a bot token/);
      expect(message).toMatch(/DISCORD_APPLICATION_ID: expected a Discord id/);
      expect(message).toMatch(/LOG_LEVEL/);
      expect(message).not.toContain(bad);
    }
  });

  it('reports an empty key once, as missing, as .env.example leaves them', () => {
    let message = '';
    try {
      parseBotConfig({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', SHARDS: '', REDIS_URL: ' ' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^Annex cannot start the Discord bot: the configuration is incomplete\./,
    );
    expect(message.match(/DISCORD_TOKEN/g)).toHaveLength(2); // the issue, and the line to add to .env
    expect(message).toMatch(/DISCORD_TOKEN: missing/);
    expect(message).not.toMatch(/does not look like a bot token/);
    expect(message).toMatch(/DISCORD_APPLICATION_ID: missing/);
    expect(message).not.toMatch(/expected a Discord id/);
    expect(message).not.toMatch(/SHARDS|REDIS_URL/);
  });

  it('says a bad value is bad, not missing, and what each setting expects', () => {
    const message = (() => {
      try {
        parseBotConfig({
          DISCORD_TOKEN: TOKEN,
          DISCORD_APPLICATION_ID: '100000000000000002',
          SHARDS: 'lots',
          RATE_LIMIT_PER_MINUTE: '-3',
        });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(
      /^Annex cannot start the Discord bot: the configuration has values it cannot use\./,
    );
    expect(message).toContain('SHARDS: expected a number of shards from 1 to 1000, or auto');
    expect(message).toContain(
      'RATE_LIMIT_PER_MINUTE: expected a whole number of requests per user per minute',
    );
    expect(message).not.toMatch(/Invalid input|Too small/);
  });

  it('names what it cannot do: registering is not starting the bot', () => {
    expect(() => parseBotConfig({}, 'register the commands')).toThrow(
      /^Annex cannot register the commands: the configuration is incomplete\./,
    );
  });

  it('reads a good environment, empty optional values as unset', () => {
    const config = parseBotConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '100000000000000002',
      DISCORD_GUILD_ID: '',
    });
    expect(config).toMatchObject({
      token: TOKEN,
      applicationId: '100000000000000002',
      guildId: null,
      apiUrl: null,
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('defaults the corpus folder to ./corpus', () => {
    expect(parseCoreConfig({}).corpusDir).toBe(path.resolve('corpus'));
  });

  it('takes an empty key as unset: its default, not an empty folder name', () => {
    expect(parseCoreConfig({ CORPUS_DIR: '', INDEX_CACHE_DIR: '', LOG_LEVEL: '' })).toEqual(
      parseCoreConfig({}),
    );
  });
});

describe('readEnvironment', () => {
  it('removes empty keys from the environment itself, which discord.js reads on its own', () => {
    const env: Record<string, string | undefined> = { SHARDS: '', SHARD_COUNT: ' ', PORT: '8080' };
    expect(readEnvironment(env)).toBe(env);
    expect(env).toEqual({ PORT: '8080' });
  });
});

describe('parseServeConfig', () => {
  const serve = {
    DISCORD_PUBLIC_KEY: 'a'.repeat(64),
    DISCORD_APPLICATION_ID: '100000000000000002',
  };
  const messageFor = (env: Record<string, string>) => {
    try {
      parseServeConfig({ ...serve, ...env });
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };

  it.each(['0', '300', '-1'])('says what WORKERS=%s should be, not a raw bound', (workers) => {
    const message = messageFor({ WORKERS: workers });
    expect(message).toContain(
      'WORKERS: expected a number of worker processes from 1 to 256, or auto',
    );
    expect(message).not.toMatch(/Too small|Too big|expected number/);
  });

  it('says what SHARDS=0 should be, not a raw bound', () => {
    const message = (() => {
      try {
        parseBotConfig({
          DISCORD_TOKEN: TOKEN,
          DISCORD_APPLICATION_ID: serve.DISCORD_APPLICATION_ID,
          SHARDS: '0',
        });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('SHARDS: expected a number of shards from 1 to 1000, or auto');
    expect(message).not.toMatch(/Too small|expected number/);
  });
});

describe('npm start without a token', () => {
  it('exits 1 with what to put in .env and how to try the CLI', async () => {
    const cwd = await tempDir();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const error = await run(process.execPath, [BUILT.bot], { cwd, env }).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/DISCORD_TOKEN=<your bot token>/);
    expect(error.stderr).toMatch(/npm run cli -- ask/);
  });
});
