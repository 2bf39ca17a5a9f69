/**
 * What the CLI prints with `--json`: documents, answers, verdicts, charts and citations as plain
 * objects. Their field names are a contract with the scripts that read them (a date nobody
 * states is null, never `''`), so they are shaped here, in one place, and nowhere else.
 */
import type { Chart, ChartSource } from '../chart/chart.ts';
import { isLetter, type Letter, type Passage } from '../corpus/schema.ts';
import type { Answer, AnswerResult } from '../search/answer.ts';
import type { LinkedDocument, MessageCheck } from '../search/posted-message.ts';
import type { QuotedPassage } from './passage.ts';
import {
  attribution,
  type CitationStyle,
  documentUrl,
  formatCitation,
  formatStyledCitation,
} from '../search/cite.ts';

/** A date as the JSON output gives it: null when nothing tells it (never `''`). */
function jsonDate(date: string): string | null {
  return date === '' ? null : date;
}

/**
 * The part a passage stands in, as the JSON output gives it: `letter`, `annex` or `enclosure`;
 * null for the text of a document that is no letter (a speech has no letter part, and its
 * citation names no part).
 */
function jsonPart(passage: Pick<Passage, 'part'>, letter: boolean): string | null {
  return passage.part === 'letter' && !letter ? null : passage.part;
}

/** The document summary that `letters --json` prints; field names are a contract (`date` is null when unknown). */
export function letterSummary(letter: Letter) {
  return {
    id: letter.id,
    symbol: letter.symbol,
    date: jsonDate(letter.date),
    distributed: letter.distributed,
    kind: letter.kind,
    title: letter.title,
    author: letter.author,
    sender: letter.sender,
    addressee: letter.addressee,
    language: letter.language,
    url: letter.url,
    sources: letter.sources,
    signatories: letter.signatories,
    bodies: letter.bodies,
    agendaItems: letter.agendaItems,
    jobNumber: letter.jobNumber,
    annexes: letter.annexes,
    passages: letter.passages.length,
  };
}

/** One document as `letter --json` prints it: its summary, with its passages in full. */
export function letterDetail(letter: Letter) {
  return {
    ...letterSummary(letter),
    passages: letter.passages.map((p) => ({
      n: p.n,
      part: jsonPart(p, isLetter(letter)),
      pages: p.pages,
      text: p.text,
    })),
  };
}

/** Whether each document is a letter, by its id, for the JSON output's `part`. */
export type LetterIds = ReadonlySet<string>;

/** The ids of the documents that are letters. */
export function letterIds(letters: readonly Letter[]): LetterIds {
  return new Set(letters.filter(isLetter).map((l) => l.id));
}

/** One quoted passage as `ask --json` prints it. */
export function resultJson(r: AnswerResult, letters: LetterIds) {
  return {
    letterId: r.letterId,
    symbol: r.symbol,
    date: jsonDate(r.date),
    passage: r.passage,
    part: jsonPart(r, letters.has(r.letterId)),
    pages: r.pages,
    text: r.text,
    excerpt: r.excerpt,
    score: r.score,
    citation: r.citation,
    url: r.url,
  };
}

/**
 * The answer that `ask --json` prints; field names are a contract. `total` counts the
 * closest passages ranked, of which `--limit` are shown (text mode's "3 of the 30 best of 47
 * matching passages"); on an abstention `results` is empty and
 * `related` holds the closest passages, which may not answer.
 */
export function answerJson(answer: Answer, letters: LetterIds) {
  return {
    query: answer.query,
    abstained: answer.abstained,
    /** Why nothing answers, on an abstention; null when it answers. */
    reason: answer.abstained ? answer.reason : null,
    searched: {
      letters: answer.searched.letters,
      from: answer.searched.from,
      to: answer.searched.to,
    },
    total: answer.total,
    results: answer.results.map((r) => resultJson(r, letters)),
    related: answer.related.map((r) => resultJson(r, letters)),
    /**
     * The author named with a time none of their documents is of (`author`, `time` as written);
     * the passages are from their other documents. Null when the question names no such time.
     */
    undated: answer.undated ?? null,
  };
}

/**
 * The document a checked message cites (a link to it, or its symbol in brackets ending a line),
 * as `check --json` prints it: `symbol`, `by` (`link` or `citation`), `held` (whether the index
 * holds it) and its `letterId` (null when not held); null when the message cites none.
 */
export function citesJson(cites: LinkedDocument | null) {
  if (!cites) return null;
  return {
    symbol: cites.symbol,
    by: cites.by,
    held: cites.letter !== null,
    letterId: cites.letter?.id ?? null,
  };
}

/**
 * The verdict that `check --json` prints; field names are a contract. `claim` is the words
 * checked (the message's words without the source it cites), `cites` the document it cites
 * (`citesJson`), `beyondCited` true when the cited document holds no sentence of the claim and
 * another does (the verdict and `searched` are then of every document), `verdict` is `verbatim`,
 * `close` or `absent`, or null when the message cites a
 * document and its own words are too few to check (nothing searched: `searched` null);
 * `searched` is that one document when the index holds it; `quoted` is the passage that quotes
 * the claim (verbatim only), `closest`
 * the closest passages (close only), `pieces` the claim's sentences they hold as written or nearly
 * (`result` indexes `closest`; close only), `figures` the claim's figures none of them states,
 * each with the figure a passage states instead (`claim`, `result` indexing `closest`,
 * `passage`; `otherUnit` true when they state its value only of something else; close only),
 * as the text's "The claim’s “1,400” is in none of these passages" line,
 * or (`elsewhere` true) with the passage added to `closest` that states the claim's own figure.
 */
export function verdictJson(
  checked: Exclude<MessageCheck, { kind: 'noWords' | 'tooShort' }>,
  letters: LetterIds,
) {
  const verdict = checked.kind === 'checked' ? checked.verdict : null;
  const searched = checked.kind === 'checked' ? checked.searched : null;
  const quoted =
    verdict?.kind === 'verbatim'
      ? {
          letterId: verdict.letter.id,
          symbol: verdict.letter.symbol,
          date: jsonDate(verdict.letter.date),
          passage: verdict.passage.n,
          part: jsonPart(verdict.passage, isLetter(verdict.letter)),
          pages: verdict.passage.pages,
          text: verdict.passage.text,
          attribution: attribution(verdict.letter, verdict.passage),
          citation: formatCitation(verdict.letter, verdict.passage),
          url: documentUrl(verdict.letter),
        }
      : null;
  return {
    claim: checked.claim,
    cites: citesJson(checked.cites),
    beyondCited: checked.kind === 'checked' && checked.beyondCited,
    verdict: verdict?.kind ?? null,
    searched: searched && { letters: searched.letters, from: searched.from, to: searched.to },
    quoted,
    closest:
      verdict?.kind === 'close' ? verdict.answer.results.map((r) => resultJson(r, letters)) : [],
    pieces: verdict?.kind === 'close' ? verdict.pieces : [],
    figures: verdict?.kind === 'close' ? (verdict.figures ?? []) : [],
  };
}

/** A chart as `chart --json` prints it; field names are a contract. */
export function chartJson(chart: Chart) {
  const source = (s: ChartSource) => ({
    letterId: s.letterId,
    symbol: s.symbol,
    passage: s.passage,
    quote: s.quote,
    citation: s.citation,
    url: s.url,
  });
  return {
    what: chart.what,
    drawn: chart.drawable,
    why: chart.why,
    searched: chart.searched,
    series: chart.series.map((s) => ({
      name: s.name,
      points: s.points.map((p) => ({
        ref: p.ref,
        value: p.value,
        written: p.written,
        date: p.date,
        dateFrom: p.dateFrom,
        dateWritten: p.dateWritten,
        sources: p.sources.map(source),
      })),
    })),
    leftOut: chart.leftOut.map((l) => ({
      written: l.written,
      series: l.series,
      reason: l.reason,
      source: source(l.source),
    })),
  };
}

/**
 * The passage `quote --json` prints, as `/quote` shows it (`quotePassage`); field names are a
 * contract. `before` and `after` hold the passages around it (empty without context).
 */
export function quoteJson(letter: Letter, quoted: Exclude<QuotedPassage, { missing: string }>) {
  const { passage } = quoted;
  const around = (p: Passage) => ({
    passage: p.n,
    part: jsonPart(p, isLetter(letter)),
    pages: p.pages,
    text: p.text,
  });
  return {
    letterId: letter.id,
    symbol: letter.symbol,
    date: jsonDate(letter.date),
    ...around(passage),
    speaker: quoted.speaker,
    citation: quoted.citation,
    url: documentUrl(letter),
    before: quoted.around.filter((a) => a.passage.n < passage.n).map((a) => around(a.passage)),
    after: quoted.around.filter((a) => a.passage.n > passage.n).map((a) => around(a.passage)),
  };
}

/** The citations `cite --json` prints, in the styles asked for; field names are a contract. */
export function citationsJson(
  letter: Letter,
  passage: Passage | null,
  styles: readonly CitationStyle[],
) {
  return {
    letterId: letter.id,
    passage: passage?.n ?? null,
    url: documentUrl(letter),
    citations: Object.fromEntries(styles.map((s) => [s, formatStyledCitation(letter, passage, s)])),
  };
}
