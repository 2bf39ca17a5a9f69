/**
 * The offline CLI (`npm run cli -- <command>`): the same answers as the bot, in a terminal. This
 * file reads the command line, runs the subcommand it names (each in `src/cli/`), and turns what
 * went wrong into an exit code: 2 when the command line is at fault, 1 when the corpus or a
 * document is. What each command prints is shaped by `src/render` (`text.ts`, `json.ts`).
 */
import 'dotenv/config';
import { ConfigError, parseCoreConfig, readEnvironment } from './config.ts';
import { editDistance } from './corpus/edit-distance.ts';
import { CorpusError, CorpusFolderError } from './corpus/errors.ts';
import { addCommand } from './cli/add.ts';
import { askCommand } from './cli/ask.ts';
import { chartCommand } from './cli/chart.ts';
import { checkCommand } from './cli/check.ts';
import { citeCommand } from './cli/cite.ts';
import { letterCommand, lettersCommand, validateCommand } from './cli/documents.ts';
import { type CliCommand, parseCommandLine } from './cli/options.ts';
import { quoteCommand } from './cli/quote.ts';
import { searchCommand } from './cli/search.ts';
import { SEE_HELP, USAGE, UsageError } from './cli/usage.ts';

/** Every subcommand, by the name it is called with. */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  add: addCommand,
  ask: askCommand,
  chart: chartCommand,
  check: checkCommand,
  search: searchCommand,
  cite: citeCommand,
  quote: quoteCommand,
  letters: lettersCommand,
  letter: letterCommand,
  // A corpus of speeches and reports is as much "documents" as "letters".
  documents: lettersCommand,
  document: letterCommand,
  validate: validateCommand,
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!command) throw new UsageError(USAGE);
  const config = parseCoreConfig(readEnvironment());
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    // "asks", "leters": the command a typo or two away, the closest first.
    const [meant] = Object.keys(COMMANDS)
      .map((known) => ({ known, distance: editDistance(command, known) }))
      .filter((c) => c.distance <= 2)
      .sort((a, b) => a.distance - b.distance);
    const hint = meant ? `: did you mean ${meant.known}?` : '';
    throw new UsageError(`Unknown command "${command}"${hint} ${SEE_HELP}`);
  }
  return run(rest, values, config);
}

// A reader that stops early (`… | head`) closes the pipe: the output ends there, as a shell tool's
// does, with no trace of the write that found it closed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || error instanceof ConfigError || usage) {
      console.error(usage ? `${(error as Error).message} ${SEE_HELP}` : (error as Error).message);
      process.exitCode = 2;
    } else if (error instanceof CorpusFolderError || error instanceof CorpusError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(`Annex failed: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  },
);
