import { isLetter } from '../corpus/schema.ts';
import { analyze } from './analyze.ts';
import { unscored } from './candidates.ts';
import { isNamingSlot, type Slot } from './question.ts';
import { notTheirTurn } from './evidence.ts';
import { isHeading, tellsMaking } from './index-entries.ts';
import { type Prepared, type Ranked, STRUCTURE_DOCUMENTS } from './rank.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Whether every word of a question names some of the documents (not all): their time, author,
 * kind or symbol, or a word `alsoNaming` accepts: `namesOnly` and `asksMaking` build on it. Such
 * a question does not look for a passage by its words.
 */
function namesDocuments(prepared: Prepared, alsoNaming: (slot: Slot) => boolean = () => false) {
  const { q, scope } = prepared;
  // Words that name documents as people name them ("the press release", "the note verbale") are
  // searched for when nothing else is asked (`parseQuestion`), yet they still only name them.
  const spans = q.letters?.spans ?? [];
  const referring = (s: Slot) => spans.some((n) => s.start >= n.start && s.end <= n.end);
  return (
    scope.groups !== undefined &&
    scope.groups.size > 0 &&
    q.phrases.length === 0 &&
    q.slots.length > 0 &&
    q.slots.every((s) => isNamingSlot(s) || referring(s) || alsoNaming(s))
  );
}

/**
 * Whether a question only names documents: "show me the 2022 letter", "A/78/368", "the latest
 * letter", "norway's 1997 speech". Every word it has names the documents or their time,
 * it asks for no kind of answer (a figure, a date, who signed …), and it names some documents,
 * not all. Such a question asks for the documents themselves (`openings`): ranked by its words,
 * any passage would do, since no word says what to look for.
 */
export function namesOnly(prepared: Prepared): boolean {
  // "what did the press release say", "what is the note about": who speaks, or what it is
  // about, is the document named, as every word names it; nothing else is asked of it.
  const asked = [...prepared.context.asked].filter((a) => a !== 'speaker' && a !== 'focus');
  return asked.length === 0 && namesDocuments(prepared);
}

/**
 * Whether a question asks only about the making of documents it names: who wrote, sent or signed
 * them, or when ("who issued the press release", "when was the 2024 statement issued"). Every
 * word names the documents or the act; their headings, openings and signatures always tell who
 * and when, so the question is answered from them, whatever words they share with it.
 */
export function asksMaking(prepared: Prepared): boolean {
  const { q, scope, context } = prepared;
  if (q.frame.documentAct.length === 0) return false;
  // "the lachin letter": what the letter is about names it too; so do the words of the title of
  // a document named ("when was the GA resolution on tavira adopted": "… reconstruction of
  // Tavira following Cyclone Imre"; user trial 32), of a few named.
  const topics = new Set(q.letters?.documents.flatMap((d) => d.topic) ?? []);
  const named = context.index.lettersOfGroups(scope.groups ?? []);
  if (named.length <= STRUCTURE_DOCUMENTS)
    for (const letter of named) for (const t of analyze(letter.title)) topics.add(t.concept);
  return namesDocuments(prepared, (s) => topics.has(s.concept));
}

/**
 * Of ranked candidates, the headings, openings and signature blocks, in their order: what tells
 * who made a document and when (`asksMaking`); all of them when there are none. "when was the
 * Lachin letter sent" is not answered by a passage that speaks of Lachin in 2022.
 */
export function structural(prepared: Prepared, ranked: readonly Ranked[]): Ranked[] {
  const { index } = prepared.context;
  const kept = ranked.filter(({ candidate }) => {
    const { letter, passage } = candidate.entry;
    if (isHeading(passage)) return true;
    const [first] = index.passageRange(letter);
    return tellsMaking(letter.passages, candidate.id - first, (i) =>
      index.quotableAlone(first + i),
    );
  });
  return kept.length > 0 ? kept : [...ranked];
}

/**
 * A document's passages (`ids`, in reading order), those that carry its gist first: each scores
 * the words it shares with the rest of the document, each word weighed by how many of the
 * document's passages hold it beyond the first and by how rare it is in the corpus (its idf),
 * over the square root of how many words it holds. A speech's themes ("Rhodesia", told of in
 * passage after passage) outweigh its courtesies (the President's election, words every speech
 * holds), which open it. Ties keep reading order.
 */
function byGist(index: SearchIndex, ids: readonly number[]): number[] {
  const concepts = ids.map((id) => index.passageConceptIds(id));
  const held = new Map<number, number>();
  for (const cids of concepts) for (const c of cids) held.set(c, (held.get(c) ?? 0) + 1);
  const total = index.size;
  const weight = (c: number) =>
    ((held.get(c) ?? 1) - 1) * Math.log(total / Math.max(1, index.documentFrequencyOf(c)));
  const scores = concepts.map((cids) => {
    let sum = 0;
    for (const c of cids) sum += weight(c);
    return cids.length > 0 ? sum / Math.sqrt(cids.length) : 0;
  });
  return ids
    .map((id, i) => ({ id, score: scores[i] ?? 0, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.id);
}

/**
 * The kinds of document that open with their matter, as a letter does: a report's "1. The present
 * report is submitted pursuant to …", a press release's lead (user trial 34: "S/2025/301" was
 * answered by the report's sixth paragraph). A speech, a statement or a record opens with
 * courtesies, a resolution or a declaration with its preamble: those are read for their gist.
 */
const OPENS_WITH_ITS_MATTER: ReadonlySet<string> = new Set([
  'report',
  'press release',
  'note',
  'memorandum',
]);

/**
 * The passages of the documents a question names, as a reader would meet them: for each
 * document (the earliest first), the opening passage of each of its parts named (the letter's
 * "I have the honour to transmit …", then its annex's first paragraph), then the rest of each
 * document, its longest part first (a cover letter's remaining passages only ask for it to be
 * circulated and sign it), each part in reading order. A document that is no letter opens with
 * courtesies as often as with its matter ("Let me first of all extend to the President the
 * hearty congratulations of my delegation …", user trial 20): the first few are read for their
 * gist instead (`byGist`), unless their kind opens with its matter (`OPENS_WITH_ITS_MATTER`).
 * Filters stay: a part filter keeps its part.
 */
export function openings(prepared: Prepared): Ranked[] {
  const { index } = prepared.context;
  const { groups, part } = prepared.scope;
  if (!groups) return [];
  const letters = index.lettersOfGroups(groups);
  letters.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const first: number[] = [];
  const rest: number[] = [];
  /** How many documents have been read for their gist. */
  let gisted = 0;
  const speaker = prepared.context.turnsOf;
  for (const letter of letters) {
    const [start, end] = index.passageRange(letter);
    const parts = new Map<number, number[]>();
    for (let id = start; id < end; id++) {
      const passage = letter.passages[id - start];
      const group = index.headingGroup(id);
      if (!passage || !groups.has(group) || (part && passage.part !== part)) continue;
      // "what did Dubois say": of a meeting's record, the turns of whom the question names.
      const entry = speaker ? index.passage(id) : undefined;
      if (speaker && entry && notTheirTurn(entry, speaker)) continue;
      // A heading or a salutation is no passage to show alone (`SearchIndex.quotableAlone`).
      if (!index.quotableAlone(id)) continue;
      const ids = parts.get(group);
      if (ids) ids.push(id);
      else parts.set(group, [id]);
    }
    if (
      !isLetter(letter) &&
      !OPENS_WITH_ITS_MATTER.has(letter.kind) &&
      gisted < STRUCTURE_DOCUMENTS
    ) {
      gisted += 1;
      for (const [group, ids] of parts) parts.set(group, byGist(index, ids));
    }
    for (const ids of parts.values()) first.push(ids[0] as number);
    const longestFirst = [...parts.values()].sort((a, b) => b.length - a.length);
    for (const ids of longestFirst) rest.push(...ids.slice(1));
  }
  return [...first, ...rest].flatMap((id) => {
    const entry = index.passage(id);
    if (!entry) return [];
    return [{ candidate: unscored(id, entry), score: 0, row: new Float64Array(0) }];
  });
}
