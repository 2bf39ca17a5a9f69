/**
 * `add <file>`: reads a document (PDF, text or Markdown), checks it, and writes it into the
 * corpus with the options as its front matter (with `--dry-run`, says what it would write). A file that cannot be read, or an option that
 * is not what it names, is the command line's problem (exit 2); a document the corpus would
 * refuse is the document's (exit 1).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatUnDate, UNKNOWN_DATE_LABEL } from '../corpus/dates.ts';
import { CorpusError } from '../corpus/errors.ts';
import { DOCUMENT_EXTENSIONS } from '../corpus/load.ts';
import { isLetter } from '../corpus/schema.ts';
import { count } from '../render/count.ts';
import type { CliCommand } from './options.ts';
import { UsageError } from './usage.ts';

/** `add <file>`: the document written into the corpus, and what was read of it. */
export const addCommand: CliCommand = async (args, values, config) => {
  const [typed] = args;
  if (!typed)
    throw new UsageError(
      'Usage: npm run cli -- add <file.pdf|file.txt|file.md> [--title T] [--date D] [--author A] [--kind K] [--symbol S] [--dry-run]',
    );
  // A relative path is the one typed where the command was run, not in the package's folder.
  const file = path.resolve(config.callerDir, typed);
  await assertReadableFile(file);
  // Reading PDFs loads pdf.js: only `add` pays for it.
  const { AddOptionError, addLetter } = await import('../corpus/add.ts');
  try {
    const { letter, written, missing, warnings, wouldWrite } = await addLetter(
      file,
      config.corpusDir,
      {
        symbol: values.symbol,
        date: values.date,
        title: values.title,
        author: values.author,
        kind: values.kind,
      },
      { dryRun: values['dry-run'] },
    );
    console.log(`${wouldWrite ? 'Would add' : 'Added'} ${letter.id}: ${letter.title}`);
    console.log(
      `  ${letter.kind} · symbol ${letter.symbol ?? '—'} · ${letter.date ? `dated ${formatUnDate(letter.date)}` : UNKNOWN_DATE_LABEL} · ${letter.author ? `by ${letter.author} · ` : ''}${count(letter.passages.length, 'passage')}${isLetter(letter) || letter.annexes.length > 0 ? ` · ${count(letter.annexes.length, 'annex', 'annexes')}` : ''}`,
    );
    for (const file of written) console.log(`  wrote ${file}`);
    if (wouldWrite) {
      const { file, frontMatter } = wouldWrite;
      console.log(
        frontMatter
          ? `  would write ${file}, starting:\n${frontMatter.replace(/^(?=.)/gm, '    ')}    (then the text as read)`
          : `  would write ${file}: the text as read, with no front matter`,
      );
    }
    for (const warning of warnings) console.log(`  warning: ${warning.problem}`);
    if (missing.length > 0) console.log(`  not in the text: ${missing.join(', ')}`);
    if (wouldWrite) console.log('Nothing written (--dry-run).');
    return 0;
  } catch (error) {
    // An option that is not what it names (`--date 2020-13-01`) is the command line's problem.
    if (error instanceof AddOptionError) throw new UsageError(`Not added: ${error.message}`);
    if (error instanceof CorpusError) {
      console.error(`Not added: ${error.message}`);
      return 1;
    }
    throw error;
  }
};

/**
 * A file named on the command line that cannot be read, or that is of a kind `add` does not read,
 * is the command line's problem (exit 2).
 */
async function assertReadableFile(file: string): Promise<void> {
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) {
    throw new UsageError(
      found.code === 'ENOENT'
        ? `No file ${file}: give the path of a .pdf, .txt or .md file to add`
        : `Cannot read ${file}: ${found.code ?? found.message}`,
    );
  }
  if (!found.isFile())
    throw new UsageError(`${file} is not a file: give a .pdf, .txt or .md file to add`);
  // What the corpus would refuse to load (a Word file, a web page) is refused before it is written.
  const extension = path.extname(file).toLowerCase();
  if (!ADDABLE_EXTENSIONS.includes(extension))
    throw new UsageError(
      `${file} is ${extension ? `a ${extension} file` : 'a file without an extension'}: Annex adds .pdf, .txt or .md files (save the document as PDF or as plain text first)`,
    );
}

/** The files `add` reads: a PDF, or a document file the corpus loads as it is. */
const ADDABLE_EXTENSIONS: readonly string[] = ['.pdf', ...DOCUMENT_EXTENSIONS];
