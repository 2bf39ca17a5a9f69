/**
 * A meeting's verbatim record (S/PV.9999, A/79/PV.12): its masthead says which organ met, the
 * meeting's number and its day; its text is the speakers' turns, each opened by who speaks
 * ("The President: …", "Mr. Costa (Brazil): …", "Ms. Dubois (France) (spoke in French): …").
 * A turn runs on over the paragraphs after it until the next turn or a line of the record's own
 * ("The meeting rose at 11.20 a.m."): each of them is that speaker's, as a letter's paragraphs
 * are its sender's.
 */
import type { Block } from './blocks.ts';
import { parseWrittenDate } from './dates.ts';
import type { Passage } from './schema.ts';

/** The organs whose meetings have verbatim records, as their mastheads name them. */
const ORGANS = 'General Assembly|Security Council|Economic and Social Council|Trusteeship Council|Human Rights Council';
const ORGAN_LINE = new RegExp(`^(?:United Nations\\s+)?(${ORGANS})\\b`);
/** The meeting's number: "9999th meeting", "12th plenary meeting". */
const MEETING_LINE = /^(\d[\d,]*(?:st|nd|rd|th))\s+(plenary\s+)?meeting\b/i;
/** A verbatim record's symbol: "S/PV.9999", "A/79/PV.12", "S/PV.9999 (Resumption 1)". */
const RECORD_SYMBOL = /\b[A-Z]{1,6}\/(?:[A-Z0-9.-]+\/)*PV\.\d+(?:\s*\(Resumption\s*\d*\))?/;
/** The organ a record's symbol is of, when no masthead line names it. */
const ORGAN_OF_SYMBOL: Readonly<Record<string, string>> = {
  S: 'Security Council',
  A: 'General Assembly',
  E: 'Economic and Social Council',
};
/** The line over the agenda's items: "Agenda", or "Agenda item 71" of a plenary meeting. */
const AGENDA = /^(?:Provisional\s+)?Agenda(?:\s+items?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+(?:\s*\([a-z]\))?)*)?$/i;
/** A line of the documents an item is considered under: "Report of the Secretary-General (A/81/287)". */
const ITEM_DOCUMENT = /\([A-Z]{1,6}\/[^)]*\)\s*$/;
/**
 * The record's notice under its agenda ("This record contains the text of speeches delivered in
 * English and of the translation of …"), which every record prints: no part of the meeting.
 */
const NOTICE = /^This record contains the (?:text|original text)\b/i;
/** Where the meeting itself starts: its first line of the record's own, or its first turn. */
const OPENING = /^The meeting (?:was called to order|was resumed|opened)\b/i;
/** The masthead's list of members, with its dot leaders ("France . . . . . . Ms. Dubois"). */
const DOT_LEADER = /(?:\.\s?){5,}/;
/** How many of the first blocks a masthead is looked for in. */
const MASTHEAD_BLOCKS = 6;

/** What a verbatim record's masthead says, and where its meeting starts. */
export interface MeetingRecord {
  symbol: string | null;
  date: string | null;
  /** "Security Council, 9999th meeting: The situation in the Lake Veran region". */
  title: string;
  /** The organ that met. */
  organ: string;
  /** The block the meeting starts at (its first turn or its opening line). */
  bodyStart: number;
}

/**
 * Reads a verbatim record's masthead, or null when the text is none: a meeting's number in the
 * first lines, with a record's symbol or an organ's name, and a turn or an opening line after.
 */
export function readMeetingRecord(blocks: readonly Block[]): MeetingRecord | null {
  const bodyStart = blocks.findIndex((b) => OPENING.test(b.text) || turnOf(b.text) !== null);
  if (bodyStart < 0) return null;
  // The agenda stands in the masthead (S/PV) or after the opening line (A/PV): before the first turn.
  const firstTurn = blocks.findIndex((b) => turnOf(b.text) !== null);
  const front = blocks.slice(0, Math.min(bodyStart, MASTHEAD_BLOCKS));
  const lines = front.flatMap((b) => b.lines.map((l) => l.trim()));
  const meeting = lines.map((l) => MEETING_LINE.exec(l)).find((m) => m !== null);
  if (!meeting) return null;
  const symbol = lines.map((l) => RECORD_SYMBOL.exec(l)?.[0]).find((s) => s !== undefined) ?? null;
  const organ =
    lines.map((l) => ORGAN_LINE.exec(l)?.[1]).find((o) => o !== undefined) ??
    (symbol ? ORGAN_OF_SYMBOL[symbol.split('/')[0] ?? ''] : undefined);
  if (!organ) return null;
  const date =
    lines
      .slice(lines.findIndex((l) => MEETING_LINE.test(l)))
      .map(parseWrittenDate)
      .find((d) => d !== null) ?? null;
  return {
    symbol,
    date,
    title: `${organ}, ${meeting[1]} ${meeting[2] ?? ''}meeting${agendaOf(blocks.slice(0, firstTurn < 0 ? bodyStart : firstTurn))}`,
    organ,
    bodyStart,
  };
}

/** The agenda's items as a title's tail (": The situation in …"), or '' when the masthead has none. */
function agendaOf(front: readonly Block[]): string {
  const lines = front.flatMap((b) => b.lines.map((l) => l.trim()));
  const at = lines.findIndex((l) => AGENDA.test(l));
  if (at < 0) return '';
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (NOTICE.test(line) || DOT_LEADER.test(line) || /^\d{2}-\d{5}/.test(line) || line === '') break;
    if (ITEM_DOCUMENT.test(line) || OPENING.test(line)) break;
    items.push(line);
  }
  return items.length > 0 ? `: ${items.join(' ')}` : '';
}

const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Archbishop|Monsignor|Sheikh|Sheikha|Prince|Princess|King|Queen|Judge|Cardinal)\.?`;
/** A person's name after the honorific: capitalized words, with the particles of names. */
const NAME = String.raw`(?:(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|van|von|al|bin|ibn|le|la|dos|du|y)\s+){0,4}\p{Lu}[\p{L}'’-]*`;
/** An office that speaks in a record without a name: "The President", "The Acting President". */
const OFFICE = String.raw`The\s+(?:Acting\s+)?(?:President|Vice-President|Chair|Chairperson|Chairman|Chairwoman|Co-Chair|Secretary-General|Deputy\s+Secretary-General)`;
/** "(spoke in French)", "(interpretation from Arabic)": how the words came, not who spoke. */
const INTERPRETED = /^(?:spoke in|interpretation from)\b/i;
const TURN = new RegExp(
  String.raw`^(${OFFICE}|${HONORIFIC}\s+${NAME})(?:\s+\(([^()]{2,80})\))?(?:\s+\(([^()]{2,40})\))?:\s+(?=[\p{Lu}"“‘'(\d])`,
  'u',
);

/**
 * A transcript's turns of questions and answers, as a press conference's or a briefing's are
 * printed: "Question: …" (or "Q: …") is someone else asking; "Answer: …" ("A: …") or the office
 * of the one briefing ("Special Envoy: …", "Spokesperson: …") is the document's own speaker.
 */
const QUESTION_TURN = /^(?:Question|Q)\s*:\s+(?=\S)/;
const ANSWER_TURN =
  /^(?:Answer|A|(?:Deputy\s+)?Spokesperson|Special\s+(?:Envoy|Representative|Rapporteur|Adviser|Coordinator)|(?:Deputy\s+|Under-|Assistant\s+)?Secretary-General|High\s+Commissioner|Emergency\s+Relief\s+Coordinator)\s*:\s+(?=\S)/;
/** Who asks in a transcript's "Question: …" turn: not the one who briefs. */
export const QUESTIONER = 'The questioner';
/** The speaker of an answer's turn: the document's own (`markTurns` leaves it to its author). */
const AUTHOR_TURN = '';

/** A turn's opening as `TURN` reads it: who speaks, as the record names them, and its length. */
function matchTurn(text: string): { who: string; length: number } | null {
  const asked = QUESTION_TURN.exec(text);
  if (asked) return { who: QUESTIONER, length: asked[0].length };
  const answered = ANSWER_TURN.exec(text);
  if (answered) return { who: AUTHOR_TURN, length: answered[0].length };
  const m = TURN.exec(text);
  if (!m) return null;
  const [opening, who = '', first, second] = m;
  if (second !== undefined && !INTERPRETED.test(second)) return null;
  const named = first === undefined || INTERPRETED.test(first) ? who : `${who} (${first})`;
  return { who: named, length: opening.length };
}

/** How many characters of `text` open its turn ("Ms. Dubois (France) (spoke in French): "); 0 when none does. */
export function turnOpening(text: string): number {
  return matchTurn(text)?.length ?? 0;
}

/** Who opens a turn with `text`, as the record names them ("Ms. Dubois (France)"); null when no one does. */
export function turnOf(text: string): string | null {
  return matchTurn(text)?.who ?? null;
}

/** The lines that record a vote, in a meeting's record as under a resolution: "In favour: …". */
const VOTE_TAKEN = String.raw`A (?:recorded )?vote was taken\b|(?:In favour|Against|Abstaining):`;

/** A line of the record's own, no one's words: "The meeting rose at …", "The agenda was adopted.". */
const RECORD_LINE = new RegExp(
  String.raw`^(?:The meeting (?:was|rose|resumed)\b|The agenda was adopted\b|${VOTE_TAKEN}|The draft (?:resolution|decision)\b.*\b(?:adopted|received|not adopted)\b)`,
  'i',
);

/** Whether a passage or line is one of the record's own, no one's words. */
export const isRecordLine = (text: string): boolean => RECORD_LINE.test(text);

/**
 * A resolution's record of its vote, as printed under it ("Voting record", "Adopted by a recorded
 * vote of 104 to 9 …", "In favour: …"), or a meeting record's line of a vote.
 */
const VOTE_RECORD = new RegExp(
  String.raw`^(?:Voting record\b|Adopted (?:by a (?:recorded )?vote|without a vote)\b|${VOTE_TAKEN})`,
  'i',
);

/** Whether a passage or line records a vote (`VOTE_RECORD`). */
export const isVoteRecord = (text: string): boolean => VOTE_RECORD.test(text);

/**
 * Marks each passage of a record with who speaks it: a turn's opening passage and those after it,
 * until the next turn, a heading or a line of the record's own. Passages before the first turn
 * stay no one's. Only a text with two turns or more is a record's: one "Mr. X: …" is no meeting.
 */
export function markTurns(passages: Passage[]): void {
  const turns = passages.map((p) => (p.role === undefined ? turnOf(p.text) : null));
  if (turns.filter((t) => t !== null).length < 2) return;
  let speaker: string | null = null;
  passages.forEach((passage, i) => {
    if (passage.role === 'heading' || RECORD_LINE.test(passage.text)) speaker = null;
    speaker = turns[i] ?? speaker;
    // An answer's turn is the document's own speaker's again: no one's turn but its author's.
    if (speaker === AUTHOR_TURN) speaker = null;
    // "The President: I shall now make a statement in my capacity as the representative of
    // Norrmark.": from there the President speaks for Norrmark, until resuming the chair.
    const state = NATIONAL_CAPACITY.exec(passage.text)?.[1];
    if (speaker !== null && state && !speaker.includes('(')) speaker = `${speaker} (${state})`;
    if (speaker !== null && passage.role === undefined) passage.speaker = speaker;
    if (speaker !== null && RESUMES_CHAIR.test(passage.text)) speaker = speaker.replace(/ \(.*\)$/, '');
  });
}

/** An office that speaks for a State: "in my capacity as the representative of Norrmark". */
const NATIONAL_CAPACITY =
  /\bin (?:my|her|his) (?:national )?capacity as (?:the )?representative of (?:the )?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|and|the|\p{Lu}[\p{L}'’-]*))*)/u;
/** The President again as such: "I now resume my functions as President of the Council." */
const RESUMES_CHAIR = /\bresume (?:my )?functions as (?:President|Chair)\b/i;

/** A speaker's name without the honorific a turn names them by ("Dubois" of "Ms. Dubois"). */
export function withoutHonorific(who: string): string {
  return who.replace(HONORIFIC_BEFORE, '');
}
const HONORIFIC_BEFORE = new RegExp(String.raw`^${HONORIFIC}\s+`);

/**
 * A turn's speaker as the record names them, read apart: who ("Ms. Dubois", "The President") and
 * whom they speak for ("France"), or null when the record gives no State or body ("Ms. Lindqvist").
 */
export function readSpeaker(label: string): { who: string; on: string | null } {
  const on = /\s+\(([^()]+)\)$/.exec(label);
  return { who: on ? label.slice(0, on.index) : label, on: on?.[1] ?? null };
}

/**
 * Whom the speakers of a record's turns speak for, each once, in order: "France" of "Ms. Dubois
 * (France)", "Norrmark" of "The President (Norrmark)"; none for a speaker the record gives no
 * State or body ("Ms. Lindqvist").
 */
export function speakingFor(speakers: readonly string[] = []): string[] {
  return [...new Set(speakers.flatMap((s) => readSpeaker(s).on ?? []))];
}
