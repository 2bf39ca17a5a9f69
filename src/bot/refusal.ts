/**
 * What an operator should do when Discord refuses the bot, or cannot be reached: the setting in
 * `.env` at fault, by Discord's answer. `npm start` and `npm run register` say the same.
 */

/** What was being done when Discord refused: the advice differs a little. */
export interface RefusalContext {
  /** Starting the bot (logging in) or registering its commands. */
  action: 'start' | 'register';
  /** The server commands were registered in, when one was. */
  guildId?: string | null;
}

/** Error codes of a connection that never reached Discord (Node's and undici's). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** Whether `error` (or what caused it) is a connection that never reached Discord. */
function unreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  if ((error as Error).message === 'fetch failed') return true;
  return unreachable(cause, depth + 1);
}

const TOKEN_ADVICE =
  'copy a fresh one into DISCORD_TOKEN in .env (Developer Portal → your application → Bot → Reset Token)';

/**
 * The next step when Discord refused (`status` 401, 403, 404, or discord.js's `TokenInvalid` for a
 * refused token at login) or could not be reached; `''` when the error is none of these and there
 * is nothing more to say than its message. For `register`, an error with no status is taken as
 * Discord out of reach, as every call it makes is to Discord.
 */
export function refusalAdvice(error: unknown, context: RefusalContext): string {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  if (status === 401 || code === 'TokenInvalid')
    return `Discord refused the token: ${TOKEN_ADVICE}.`;
  if (status === 403) {
    if (context.action === 'register' && context.guildId)
      return `The bot has no access to server ${context.guildId}: invite it there first (the invite URL is in the README, "Running the bot on Discord", step 4), or check DISCORD_GUILD_ID.`;
    return context.action === 'register'
      ? 'The token has no access to this application: check that DISCORD_TOKEN and DISCORD_APPLICATION_ID are from the same application.'
      : `Discord refused the token access: check that DISCORD_TOKEN in .env is this application's bot token (Developer Portal → your application → Bot → Reset Token).`;
  }
  if (status === 404)
    return context.action === 'register'
      ? 'Discord knows no such application (or server): check DISCORD_APPLICATION_ID (General Information → Application ID) and DISCORD_GUILD_ID.'
      : 'Discord answered "not found": check DISCORD_API_URL in .env (leave it empty for Discord itself).';
  if (typeof status === 'number') return '';
  if (context.action === 'register' || unreachable(error))
    return 'Discord could not be reached: check the network connection (and DISCORD_API_URL, when set).';
  return '';
}
