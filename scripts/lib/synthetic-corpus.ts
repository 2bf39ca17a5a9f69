/**
 * A seeded generator of synthetic corpora for benchmarks: letters written as text files in the
 * UN shape (masthead, heading, paragraphs, signature, annex, page footers), their sentences drawn
 * from the real letters with place names, words and figures varied. Same seed, same corpus.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { mersenne } from 'pure-rand/generator/mersenne';
import { formatUnDate } from '../../src/corpus/dates.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { splitSentences } from '../../src/search/excerpt.ts';

/** Passages per synthetic letter, on average. */
export const PASSAGES_PER_LETTER = 24;

const PLACES = [
  'Lachin',
  'Kalbajar',
  'Khojavand',
  'Fuzuli',
  'Aghdam',
  'Jabrayil',
  'Zangilan',
  'Gubadly',
  'Shusha',
  'Tartar',
  'Terter',
  'Gazakh',
  'Tovuz',
  'Aghdara',
  'Khojaly',
  'Gadrut',
  'Sugovushan',
  'Talish',
  'Hadrut',
  'Murovdag',
];
const SENDERS = [
  'Permanent Representative of Azerbaijan to the United Nations',
  "Chargé d'affaires a.i. of the Permanent Mission of Azerbaijan to the United Nations",
  'Permanent Representative of Armenia to the United Nations',
  'Deputy Permanent Representative of Azerbaijan to the United Nations',
];
const VARIANTS: Record<string, string[]> = {
  mines: ['mines', 'landmines', 'explosive devices', 'anti-personnel mines', 'booby traps'],
  civilians: ['civilians', 'residents', 'farmers', 'deminers', 'shepherds'],
  killed: ['killed', 'injured', 'wounded', 'maimed', 'affected'],
  territories: ['territories', 'districts', 'villages', 'regions', 'areas'],
  threat: ['threat', 'danger', 'risk', 'hazard', 'menace'],
};

type Rng = ReturnType<typeof mersenne>;
const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[uniformInt(rng, 0, items.length - 1)] as T;

function vary(rng: Rng, sentence: string): string {
  let s = sentence.replace(
    /\b\d{1,3}(?:,\d{3})*\b(?! (?:January|February|March|April|May|June|July|August|September|October|November|December))/g,
    () => uniformInt(rng, 2, 4000).toLocaleString('en-US'),
  );
  s = s.replace(new RegExp(`\\b(${PLACES.join('|')})\\b`, 'g'), () => pick(rng, PLACES));
  for (const [word, options] of Object.entries(VARIANTS)) {
    if (uniformInt(rng, 0, 2) === 0) s = s.replace(new RegExp(`\\b${word}\\b`), pick(rng, options));
  }
  return s;
}

function isoDate(rng: Rng): string {
  const y = uniformInt(rng, 2020, 2025);
  const m = uniformInt(rng, 1, 12);
  const d = uniformInt(rng, 1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The sentences of the real letters' passages, to draw from. */
export function sentencePool(letters: readonly Letter[]): string[] {
  const pool: string[] = [];
  for (const l of letters) {
    for (const p of l.passages)
      for (const s of splitSentences(p.text)) pool.push(p.text.slice(s.start, s.end));
  }
  return pool;
}

function letterText(rng: Rng, n: number, pool: readonly string[]): string {
  const date = formatUnDate(isoDate(rng));
  const job = `${uniformInt(rng, 20, 25)}-${String(uniformInt(rng, 10000, 99999))}`;
  const session = pick(rng, [
    'Seventy-fifth',
    'Seventy-sixth',
    'Seventy-seventh',
    'Seventy-eighth',
    'Seventy-ninth',
  ]);
  const paragraphs: string[] = [];
  const count = uniformInt(rng, PASSAGES_PER_LETTER - 6, PASSAGES_PER_LETTER + 6);
  for (let i = 0; i < count; i++) {
    const sentences = uniformInt(rng, 1, 3);
    paragraphs.push(Array.from({ length: sentences }, () => vary(rng, pick(rng, pool))).join(' '));
  }
  const annexAt = Math.max(3, Math.floor(count / 4));
  const pages = Math.ceil(count / 8);
  const lines = [
    `United Nations A/${79 + (n % 7)}/${n + 100}-S/${2020 + (n % 6)}/${n + 100}`,
    '',
    `Distr.: General ${date}`,
    '',
    'Original: English',
    '',
    `General Assembly ${session} session`,
    '',
    `Agenda items ${uniformInt(rng, 10, 60)}, ${uniformInt(rng, 61, 99)} and ${uniformInt(rng, 100, 140)}`,
    '',
    `Letter dated ${date} from the ${pick(rng, SENDERS)} addressed to the Secretary-General`,
    '',
  ];
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i === annexAt) {
      lines.push(
        '(Signed) Yashar Aliyev Ambassador Permanent Representative',
        '',
        `Annex to the letter dated ${date}`,
        '',
        `Statement on the situation in ${pick(rng, PLACES)}`,
        '',
      );
    }
    lines.push(paragraph, '');
    if (i % 8 === 7 && i / 8 + 1 < pages)
      lines.push(`${Math.floor(i / 8) + 1}/${pages} ${job}`, '');
  }
  lines.push(`${pages}/${pages} ${job}`, '');
  return lines.join('\n');
}

/** Writes `count` synthetic letters into `dir` (created if needed), seeded by `seed`. */
export async function writeSyntheticCorpus(
  dir: string,
  count: number,
  pool: readonly string[],
  seed = 42,
): Promise<void> {
  const rng = mersenne(seed);
  await mkdir(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    await writeFile(
      path.join(dir, `synthetic-${String(n).padStart(5, '0')}.txt`),
      letterText(rng, n, pool),
    );
  }
}
