import 'dotenv/config';
import { ConfigError, parseBotConfig } from '../config.ts';

try {
  parseBotConfig(process.env);
  console.error(
    'The Discord client is not built yet (issue 4). Try the CLI: npm run cli -- letters',
  );
  process.exitCode = 1;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
