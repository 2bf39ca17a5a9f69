import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../commands/index.ts';
import { ConfigError, parseBotConfig, readEnvironment } from '../config.ts';

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

/**
 * What to do when Discord refuses the registration: the setting at fault, by Discord's status,
 * or that Discord could not be reached. Empty when there is nothing more to say than its message.
 */
function nextStep(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status === 401)
    return 'Discord refused the token: copy a fresh one into DISCORD_TOKEN in .env (Developer Portal → Bot → Reset Token).';
  if (status === 403)
    return guildId
      ? `The bot has no access to server ${guildId}: invite it there first (the invite URL is in the README, "Running the bot on Discord", step 4), or check DISCORD_GUILD_ID.`
      : 'The token has no access to this application: check that DISCORD_TOKEN and DISCORD_APPLICATION_ID are from the same application.';
  if (status === 404)
    return 'Discord knows no such application (or server): check DISCORD_APPLICATION_ID (General Information → Application ID) and DISCORD_GUILD_ID.';
  if (typeof status !== 'number')
    return 'Discord could not be reached: check the network connection (and DISCORD_API_URL, when set).';
  return '';
}

register().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else {
    const advice = nextStep(error);
    console.error(`Registration failed: ${(error as Error).message}${advice ? `\n${advice}` : ''}`);
  }
  process.exit(1);
});
