import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { SearchIndex } from '../../src/search/index.ts';

/**
 * The labelled questions in `eval/`, read the same way by `npm run eval` and `npm run fit`: their
 * files, the fixed split of each into a tuned and a held-out part, their gold answers, and the
 * index each is asked of (the corpus, plus a file's own letters when it has some).
 */

export const QuestionFile = z.object({
  about: z.string().optional(),
  /**
   * Our own files say how they are used: `true`, held out whole (never tuned on); `false`,
   * tuned on whole. Absent: the fixed split (`isHeldOut`).
   */
  heldOut: z.boolean().optional(),
  questions: z.array(
    z.object({ q: z.string(), gold: z.array(z.string()).min(1), style: z.string().optional() }),
  ),
  abstain: z.array(z.union([z.string(), z.object({ q: z.string() })])),
  /**
   * A folder of letters Annex has never seen, or several, added to the corpus for this file's
   * questions only.
   */
  letters: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
});

/** Every question file, in the order reports list them. */
export const QUESTION_FILES = [
  'eval/dev-questions.json',
  'eval/realistic-questions.json',
  'eval/own-tuning-questions.json',
  'eval/own-probe-questions.json',
  'eval/own-probe-2-questions.json',
  'eval/own-held-out-questions.json',
  'eval/people-questions.json',
  'eval/unseen-cyclone-questions.json',
  'eval/unseen-dam-questions.json',
  'eval/unseen-return-questions.json',
  'eval/unseen-drone-strike-questions.json',
  'eval/unseen-ship-fire-questions.json',
  'eval/people-flood-questions.json',
  'eval/tuning-locusts-questions.json',
  'eval/tuning-election-questions.json',
  'eval/tuning-debris-questions.json',
  'eval/tuning-camp-questions.json',
  'eval/rules-era-questions.json',
  'eval/unseen-wildfires-questions.json',
  'eval/unseen-restitution-questions.json',
  'eval/people-cyberattack-questions.json',
  'eval/unseen-quarantine-questions.json',
  'eval/unseen-fisheries-questions.json',
  'eval/unseen-research-vessel-questions.json',
  'eval/unseen-sarna-river-spill-questions.json',
  'eval/unseen-vaccine-customs-hold-questions.json',
  'eval/unseen-earthquake-questions.json',
  'eval/unseen-border-guards-questions.json',
  'eval/unseen-airspace-questions.json',
  'eval/unseen-drought-statement-questions.json',
  'eval/unseen-sg-report-questions.json',
  'eval/tuning-hospital-strike-questions.json',
  'eval/tuning-water-treaty-questions.json',
  'eval/unseen-resolution-questions.json',
  'eval/third-writer-questions.json',
  'eval/unseen-council-press-questions.json',
  'eval/unseen-incident-table-questions.json',
  'eval/unseen-joint-statement-questions.json',
  'eval/unseen-panel-report-questions.json',
  'eval/unseen-island-speech-questions.json',
  'eval/unseen-power-link-questions.json',
  'eval/unseen-gnss-jamming-questions.json',
  'eval/unseen-rapporteur-report-questions.json',
  'eval/unseen-convoy-questions.json',
  'eval/unseen-fishermen-questions.json',
  'eval/unseen-heritage-questions.json',
  'eval/unseen-desalination-questions.json',
  'eval/unseen-capsized-boat-questions.json',
  'eval/unseen-cholera-questions.json',
  'eval/unseen-embassy-seizure-questions.json',
  'eval/unseen-sarvel-report-questions.json',
  'eval/unseen-council-dam-record-questions.json',
  'eval/unseen-committee-summary-record-questions.json',
  'eval/unseen-ocr-border-incidents-questions.json',
  'eval/unseen-regional-communique-questions.json',
  'eval/unseen-estavia-korvath-mission-questions.json',
  'eval/unseen-kaldora-merinth-ceasefire-questions.json',
  'eval/unseen-valmoria-chronology-questions.json',
  'eval/unseen-lindoria-dam-questionnaire-questions.json',
  'eval/unseen-carvandia-cerd-observations-questions.json',
  'eval/unseen-velmora-prst-questions.json',
  'eval/unseen-tarsovia-ossena-enclosure-questions.json',
  'eval/tuning-user-trials-questions.json',
  'eval/tuning-ferry-hijacking-questions.json',
  'eval/tuning-trial-20-questions.json',
  'eval/tuning-trial-21-questions.json',
  'eval/tuning-trial-22-questions.json',
  'eval/tuning-trial-23-questions.json',
  'eval/tuning-trial-24-questions.json',
  'eval/tuning-trial-27-questions.json',
  'eval/tuning-trial-28-questions.json',
  'eval/tuning-trial-29-questions.json',
  'eval/tuning-trial-30-questions.json',
  'eval/tuning-trial-31-questions.json',
  'eval/tuning-trial-32-questions.json',
  'eval/tuning-trial-33-questions.json',
  'eval/tuning-trial-34-questions.json',
] as const;

/** Whether entry `i` of a list belongs to the held-out part (the fixed split: every third). */
export const isHeldOut = (i: number): boolean => i % 3 === 2;

/**
 * The gold answers' normalization: lower case, curly quotes straight, en and em dashes as '-',
 * no '*', '_' or '#', whitespace collapsed.
 */
export const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[*_#]/g, '')
    .replace(/\s+/g, ' ');

/** One labelled question. */
export interface Question {
  file: string;
  q: string;
  /** Normalized gold answers; empty for a question the letters do not answer. */
  gold: string[];
  style: string;
  part: 'tuned' | 'held-out';
  /** The letters folders added to the corpus for it; none for the corpus alone. */
  letters: readonly string[];
}

/** Reads the questions of `files`. */
export function readQuestions(files: readonly string[]): Question[] {
  return files.flatMap((file) => {
    const parsed = QuestionFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    const letters = parsed.letters === undefined ? [] : [parsed.letters].flat();
    const part = (i: number): Question['part'] =>
      (parsed.heldOut ?? isHeldOut(i)) ? 'held-out' : 'tuned';
    return [
      ...parsed.questions.map((x, i) => ({
        file: path.basename(file),
        q: x.q,
        gold: x.gold.map(normalize),
        style: x.style ?? 'plain',
        part: part(i),
        letters,
      })),
      ...parsed.abstain.map((x, i) => ({
        file: path.basename(file),
        q: typeof x === 'string' ? x : x.q,
        gold: [],
        style: 'unanswerable',
        part: part(i),
        letters,
      })),
    ] satisfies Question[];
  });
}

/** Whether a passage's text answers a question. */
export const answers = (text: string, gold: readonly string[]): boolean => {
  const n = normalize(text);
  return gold.some((g) => n.includes(g));
};

/** The corpus and each letters folder's index, built once each. */
export class Indexes {
  private readonly built = new Map<string, Promise<{ index: SearchIndex; letters: Letter[] }>>();
  constructor(private readonly corpusDir: string) {}
  /** The index of the corpus, with the letters of the folders `extra`. */
  of(extra: readonly string[]): Promise<{ index: SearchIndex; letters: Letter[] }> {
    const key = extra.join('\n');
    let found = this.built.get(key);
    if (!found) {
      found = (async () => {
        const letters = [...(await loadCorpus(this.corpusDir)).letters];
        for (const folder of extra) letters.push(...(await loadCorpus(folder)).letters);
        return { index: SearchIndex.build(letters), letters };
      })();
      this.built.set(key, found);
    }
    return found;
  }
}
