import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError, parseCoreConfig } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import type { Letter } from './corpus/schema.ts';
import { renderLetterTable, renderLetterText, renderProblems } from './render/text.ts';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  letters [--json]          list the letters in the corpus
  letter <id> [--json]      show one letter: metadata and numbered passages
  validate [--quiet]        check every corpus file; exits 1 listing each problem

The corpus folder is CORPUS_DIR (default ./corpus).`;

/** The letter summary that `letters --json` prints; field names are a contract. */
function letterSummary(letter: Letter) {
  return {
    id: letter.id,
    symbol: letter.symbol,
    date: letter.date,
    distributed: letter.distributed,
    kind: letter.kind,
    title: letter.title,
    sender: letter.sender,
    addressee: letter.addressee,
    signatories: letter.signatories,
    bodies: letter.bodies,
    agendaItems: letter.agendaItems,
    jobNumber: letter.jobNumber,
    annexes: letter.annexes,
    passages: letter.passages.length,
  };
}

function letterDetail(letter: Letter) {
  return {
    ...letterSummary(letter),
    passages: letter.passages.map((p) => ({ n: p.n, part: p.part, pages: p.pages, text: p.text })),
  };
}

class UsageError extends Error {}

function findLetter(letters: readonly Letter[], key: string): Letter {
  const wanted = key.toLowerCase();
  const letter =
    letters.find((l) => l.id.toLowerCase() === wanted) ??
    letters.find(
      (l) =>
        l.symbols.some((s) => s.toLowerCase() === wanted) || l.symbol?.toLowerCase() === wanted,
    );
  if (!letter) {
    throw new UsageError(
      `No letter "${key}". Known ids:\n${letters.map((l) => `  ${l.id}`).join('\n')}`,
    );
  }
  return letter;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = parseCoreConfig(process.env);
  const corpus = await loadCorpus(config.corpusDir);
  switch (command) {
    case 'letters':
      console.log(
        values.json
          ? JSON.stringify(corpus.letters.map(letterSummary), null, 2)
          : renderLetterTable(corpus.letters),
      );
      break;
    case 'letter': {
      const [key] = rest;
      if (!key) throw new UsageError('Usage: npm run cli -- letter <id> [--json]');
      const letter = findLetter(corpus.letters, key);
      console.log(
        values.json ? JSON.stringify(letterDetail(letter), null, 2) : renderLetterText(letter),
      );
      break;
    }
    case 'validate': {
      const passages = corpus.letters.reduce((n, l) => n + l.passages.length, 0);
      if (corpus.problems.length > 0) {
        console.error(renderProblems(corpus.problems));
        console.error(
          `\n${corpus.problems.length} problem(s); ${corpus.letters.length} letters loaded.`,
        );
        return 1;
      }
      if (!values.quiet)
        console.log(`${corpus.letters.length} letters, ${passages} passages: no problems.`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
  if (corpus.problems.length > 0 && !values.json) {
    console.error(
      `\n${corpus.problems.length} file(s) skipped; run \`npm run cli -- validate\` for details.`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
