import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

/**
 * The bot's logger: one JSON line per event on stdout. Anything that looks like a token is
 * redacted, wherever it appears, so the token never reaches a log line.
 */
export function createLogger(
  level: string,
  secrets: readonly string[] = [],
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level,
    redact: {
      paths: [
        'token',
        '*.token',
        'config.token',
        'headers.authorization',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
    hooks: {
      streamWrite(line: string) {
        let safe = line;
        for (const secret of secrets) if (secret) safe = safe.split(secret).join('[redacted]');
        return safe;
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
