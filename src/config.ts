import path from 'node:path';
import { z } from 'zod';

/** Log levels pino understands. */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** What the offline CLI needs: where the letters are, and how much to log. */
const CoreEnv = z.object({
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  LOG_LEVEL: LogLevel.default('info'),
});

/** The settings Annex runs with, read once from the environment. */
export interface CoreConfig {
  /** Absolute path of the folder holding the letters. */
  readonly corpusDir: string;
  readonly logLevel: z.infer<typeof LogLevel>;
}

/** Thrown when the environment has missing or bad values; the message lists every one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`)
    .join('\n');
}

/** Parses the settings the CLI needs from `env` (normally `process.env`). */
export function parseCoreConfig(env: Record<string, string | undefined>): CoreConfig {
  const parsed = CoreEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Bad configuration:\n${describeIssues(parsed.error)}\nSee .env.example.`);
  }
  return Object.freeze({
    corpusDir: path.resolve(parsed.data.CORPUS_DIR),
    logLevel: parsed.data.LOG_LEVEL,
  });
}
