import { citationsJson } from '../render/json.ts';
import { renderCitationsText } from '../render/text.ts';
import type { Passage } from '../corpus/schema.ts';
import { CITATION_STYLES, type CitationStyle } from '../search/cite.ts';
import { noteSkipped, readCorpus } from './open.ts';
import { type CliCommand, findLetter } from './options.ts';
import { UsageError } from './usage.ts';

/**
 * `cite <document> [passage]`: the citations `/cite` gives (UN style, OSCOLA, Bluebook, or the
 * one `--style` names) of a document, or of one of its passages.
 */
export const citeCommand: CliCommand = async (args, values, config) => {
  const [key, n, ...extra] = args;
  if (!key || extra.length > 0)
    throw new UsageError(
      'Usage: npm run cli -- cite <document id or symbol> [passage] [--style un|oscola|bluebook] [--json]',
    );
  const style = values.style;
  if (style !== undefined && !(CITATION_STYLES as readonly string[]).includes(style))
    throw new UsageError(`--style must be one of ${CITATION_STYLES.join(', ')}, not "${style}"`);
  const corpus = await readCorpus(config);
  const letter = findLetter(corpus.letters, key);
  let passage: Passage | null = null;
  if (n !== undefined) {
    const number = Number(n);
    passage = Number.isInteger(number)
      ? (letter.passages.find((p) => p.n === number) ?? null)
      : null;
    // An answer numbers a heading (a title) 0: it is cited as the document.
    if (number === 0)
      throw new UsageError(
        `Passage 0 is a heading, cited as the ${letter.kind}: \`npm run cli -- cite ${key}\``,
      );
    if (!passage)
      throw new UsageError(
        `This ${letter.kind} has passages 1 to ${letter.passages.length}; there is no passage ${n}.`,
      );
  }
  const styles = style ? [style as CitationStyle] : [...CITATION_STYLES];
  console.log(
    values.json
      ? JSON.stringify(citationsJson(letter, passage, styles))
      : renderCitationsText(letter, passage, style as CitationStyle | undefined),
  );
  noteSkipped(corpus.problems);
  return 0;
};
