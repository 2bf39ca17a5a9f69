import { citationsJson } from '../render/json.ts';
import { renderCitationsText } from '../render/text.ts';
import type { Passage } from '../corpus/schema.ts';
import { CITATION_STYLES, type CitationStyle } from '../search/cite.ts';
import { asNamed, findPassage, numberingOf } from '../search/paragraph-numbers.ts';
import { noteSkipped, readCorpus } from './open.ts';
import { type CliCommand, findLetter } from './options.ts';
import { UsageError } from './usage.ts';

/**
 * `cite <document> [passage]`: the citations `/cite` gives (UN style, OSCOLA, Bluebook, or the
 * one `--style` names) of a document, or of one of its passages.
 */
export const citeCommand: CliCommand = async (args, values, config) => {
  const [key, ...rest] = args;
  // "66", "para 66", "para. 4 (b)": the passage as its citation gives it.
  const n = rest.length > 0 ? rest.join(' ') : undefined;
  if (!key || rest.length > 3)
    throw new UsageError(
      'Usage: npm run cli -- cite <document id or symbol> [passage or "para N"] [--style un|oscola|bluebook] [--json]',
    );
  const style = values.style;
  if (style !== undefined && !(CITATION_STYLES as readonly string[]).includes(style))
    throw new UsageError(`--style must be one of ${CITATION_STYLES.join(', ')}, not "${style}"`);
  const corpus = await readCorpus(config);
  const letter = findLetter(corpus.letters, key);
  let passage: Passage | null = null;
  if (n !== undefined) {
    // An answer numbers a heading (a title) 0: it is cited as the document.
    if (n === '0')
      throw new UsageError(
        `Passage 0 is a heading, cited as the ${letter.kind}: \`npm run cli -- cite ${key}\``,
      );
    passage = findPassage(letter, n);
    if (!passage)
      throw new UsageError(
        `This ${letter.kind} has ${numberingOf(letter)}; there is no ${asNamed(n)}.`,
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
