import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.ts';
import { TOKEN, type Wire } from './harness.ts';
import { BUILT } from '../helpers.ts';
import { useStandIn } from './processes.ts';
import { APP_ID } from './stand-in.ts';

const run = promisify(execFile);
const standIn = useStandIn();

async function register(guild: string) {
  const discord = standIn();
  return run(process.execPath, [BUILT.register], {
    env: {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: guild,
      DISCORD_API_URL: discord.apiUrl,
    },
  });
}

describe('npm run register', () => {
  it('PUTs exactly the commands in commands/ to one guild when DISCORD_GUILD_ID is set, and says so', async () => {
    const { stdout } = await register('400000000000000001');
    const call = await standIn().waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.path === `/api/v10/applications/${APP_ID}/guilds/400000000000000001/commands`,
    );
    expect(call.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions)));
    expect(call.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(stdout).toMatch(/Registered 10 commands in server 400000000000000001/);
    expect(stdout).toContain('/ask');
    expect(stdout).not.toContain(TOKEN);
  });

  it.each([
    [401, { message: '401: Unauthorized', code: 0 }, /DISCORD_TOKEN/],
    [403, { message: 'Missing Access', code: 50001 }, /invite/],
    [404, { message: 'Unknown Application', code: 10002 }, /DISCORD_APPLICATION_ID/],
  ])(
    'when Discord refuses (%i), says which setting to fix, not only what Discord said',
    async (status, body, advice) => {
      standIn().faults.push({ match: (c) => c.method === 'PUT', status, body });
      const failed = await register('400000000000000001').then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(advice);
      expect(failed?.stderr).not.toContain(TOKEN);
    },
  );

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const { stdout } = await register('');
    await standIn().waitFor(
      (c) => c.method === 'PUT' && c.path === `/api/v10/applications/${APP_ID}/commands`,
    );
    expect(stdout).toMatch(/globally/);
  });
});

describe('the registered definitions', () => {
  const byName = new Map(commandDefinitions.map((c) => [c.name, c as Wire]));

  it('has every command, slash and message menu', () => {
    expect([...byName.keys()]).toEqual([
      'ask',
      'search',
      'quote',
      'letters',
      'letter',
      'cite',
      'chart',
      'help',
      'reload',
      'Check in letters',
    ]);
  });

  it('installs the public commands everywhere: servers, bot DMs, private channels; guild and user install', () => {
    for (const name of ['ask', 'search', 'quote', 'letters', 'letter', 'cite', 'chart', 'help']) {
      expect(byName.get(name)).toMatchObject({ contexts: [0, 1, 2], integration_types: [0, 1] });
    }
  });

  it('keeps the moderator commands to servers, for Manage Messages', () => {
    expect(byName.get('Check in letters')).toMatchObject({
      type: 3,
      contexts: [0],
      integration_types: [0],
      default_member_permissions: '8192',
    });
    expect(byName.get('reload')).toMatchObject({
      contexts: [0],
      integration_types: [0],
      default_member_permissions: '8192',
    });
  });

  it('autocompletes every letter option', () => {
    for (const def of commandDefinitions) {
      for (const option of (def as { options?: { name: string; autocomplete?: boolean }[] })
        .options ?? []) {
        if (option.name === 'letter') expect(option.autocomplete, def.name).toBe(true);
      }
    }
  });
});
