import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../commands/index.ts';
import { ConfigError, parseBotConfig, readEnvironment } from '../config.ts';
import { refusalAdvice } from './refusal.ts';

/**
 * `npm run register`: registers every command in `commands/` with Discord — in one server when
 * DISCORD_GUILD_ID is set (instant, for testing), else globally (Discord may take up to an hour).
 */
/** The server registered in, once the configuration is read: a refusal's advice names it. */
let guildId: string | null = null;

async function register(): Promise<void> {
  const config = parseBotConfig(readEnvironment(), 'register the commands');
  guildId = config.guildId ?? null;
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const registered = (await rest.put(route, { body: commandDefinitions })) as {
    name: string;
    type: number;
  }[];
  const where = config.guildId
    ? `in server ${config.guildId} (available now)`
    : 'globally (may take up to an hour to appear)';
  console.log(`Registered ${registered.length} commands ${where}:`);
  for (const c of registered)
    console.log(`  ${c.type === 3 ? `"${c.name}" (message menu)` : `/${c.name}`}`);
}

register().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else {
    const advice = refusalAdvice(error, { action: 'register', guildId });
    console.error(`Registration failed: ${(error as Error).message}${advice ? `\n${advice}` : ''}`);
  }
  process.exit(1);
});
