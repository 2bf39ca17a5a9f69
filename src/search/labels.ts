/**
 * A number that labels a thing rather than counting one: what a document numbers its parts and
 * references by ("Table 1", "paragraph 5", "para. 14", "resolution 2231", "Article 51", "rule 37",
 * "item 71", "No. 112") and a stage in a series ("phase 2", "round 3"). Such a number is no figure
 * of anything, neither in a chart nor as the answer to "how many" (user trial 30: the "1" of
 * "Table 1 Internally displaced persons by district" was charted as one displaced person).
 */

/** The nouns that number what follows them, in lower case, with their abbreviations. */
const LABELS: ReadonlySet<string> = new Set([
  'table',
  'tables',
  'figure',
  'chart',
  'map',
  'box',
  'graph',
  'annex',
  'annexes',
  'appendix',
  'enclosure',
  'attachment',
  'paragraph',
  'paragraphs',
  'para',
  'paras',
  'subparagraph',
  'section',
  'sections',
  'chapter',
  'article',
  'articles',
  'rule',
  'rules',
  'regulation',
  'item',
  'items',
  'page',
  'pages',
  'footnote',
  'note',
  'resolution',
  'resolutions',
  'decision',
  'decisions',
  'decree',
  'protocol',
  'volume',
  'part',
  'phase',
  'round',
  'stage',
]);

/** Abbreviations that number only with their dot ("No. 112", "p. 3", "vol. 2"): "no 5 people" counts. */
const DOTTED_LABELS: ReadonlySet<string> = new Set(['no', 'nos', 'p', 'pp', 'vol']);

/** The word right before a number, and what stands between them: a space, or an abbreviation's dot. */
const WORD_BEFORE = /(\p{L}+)(\.?\s+|\.\s*)$/u;

/** Whether the number that starts at `start` in `text` is a label (`LABELS`): "Table 1", "para. 14". */
export function isLabelNumber(text: string, start: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
  if (!before) return false;
  const word = (before[1] ?? '').toLowerCase();
  // "No. 112", "para. 14": a dot only after an abbreviation, not after a sentence's last word.
  const dotted = before[2]?.includes('.') ?? false;
  if (dotted && word.length > 4) return false;
  return LABELS.has(word) || (dotted && DOTTED_LABELS.has(word));
}
