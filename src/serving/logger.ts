import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import pretty from 'pino-pretty';

/** Where logs go: pino's readable lines on a terminal, its JSON lines (stdout) otherwise. */
export function logDestination(
  terminal: boolean,
  output: NodeJS.WritableStream = process.stdout,
): DestinationStream | undefined {
  return terminal
    ? pretty({
        colorize: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
        destination: output,
        sync: true,
      })
    : undefined;
}

/**
 * The bot's logger: one JSON line per event on stdout, or, when stdout is a terminal, pino's
 * readable lines (time, level, message, fields). Anything that looks like a token is redacted,
 * wherever it appears, so the token never reaches a log line.
 */
export function createLogger(
  level: string,
  secrets: readonly string[] = [],
  destination: DestinationStream | undefined = logDestination(process.stdout.isTTY),
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
