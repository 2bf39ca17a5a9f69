import { readFileSync } from 'node:fs';
import { normalize } from './questions.ts';

/** One benchmark question: its text, and the gold phrases a passage that answers it contains (none for one that should abstain). */
export interface BenchQuestion {
  q: string;
  gold: string[];
}

/**
 * The questions of an eval file (`{ questions: [{ q, gold }], abstain: [q | { q }] }`), in the
 * file's order, abstentions after the others.
 */
export function readBenchQuestions(file: string): BenchQuestion[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    questions: { q: string; gold?: string[] }[];
    abstain?: (string | { q: string })[];
  };
  return [
    ...json.questions.map((q) => ({ q: q.q, gold: q.gold ?? [] })),
    ...(json.abstain ?? []).map((a) => ({ q: typeof a === 'string' ? a : a.q, gold: [] })),
  ];
}

/** 1-based rank of the first text holding a gold phrase, 0 when none does. */
export function goldRank(texts: readonly string[], gold: readonly string[]): number {
  return texts.findIndex((t) => gold.some((g) => normalize(t).includes(g))) + 1;
}

/** hit@1, hit@3 over answerable questions, and unanswerable questions that abstained. */
export interface HitFigures {
  answerable: number;
  hit1: number;
  hit3: number;
  unanswerable: number;
  abstained: number;
}

/** Adds up ranks (0 = miss) and abstentions into hit figures. */
export function hitFigures(
  questions: readonly BenchQuestion[],
  ranks: readonly number[],
  abstained: readonly boolean[],
): HitFigures {
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let unanswerable = 0;
  let abstainedRight = 0;
  questions.forEach((q, i) => {
    if (q.gold.length === 0) {
      unanswerable += 1;
      if (abstained[i]) abstainedRight += 1;
      return;
    }
    answerable += 1;
    const rank = ranks[i] ?? 0;
    if (rank === 1) hit1 += 1;
    if (rank >= 1 && rank <= 3) hit3 += 1;
  });
  const share = (n: number) => Math.round((n / Math.max(1, answerable)) * 100) / 100;
  return {
    answerable,
    hit1: share(hit1),
    hit3: share(hit3),
    unanswerable,
    abstained: abstainedRight,
  };
}
