/**
 * The passages of a document that say nothing alone: a section heading ("III. Effect of the
 * COVID-19 pandemic", "Our appeal") and a speech's salutation ("Mr. President,", "Excellencies,
 * ladies and gentlemen,") of a document that is no letter, which the search never offers as an
 * answer; and a place-and-date line ("New York, 3 June 2025"), which it offers only to a question
 * of when. They stay passages, with their numbers, so that citations of the passages after them
 * do not move; `Passage.role` says what they are.
 */
import { DATE_PATTERN, PLACE_AND_DATE } from './dates.ts';
import { titleCased } from './paragraphs.ts';
import { isSignature } from './parts.ts';
import { isSalutation } from './salutations.ts';
import type { Passage, PassageRole } from './schema.ts';
import { isTableText } from './tables.ts';

/** A heading in capitals or with the capitals of a title is at most this long… */
const MAX_TITLED_HEADING_CHARS = 80;
/** …one with a section number ("III. Effect of the COVID-19 pandemic") at most this long… */
const MAX_NUMBERED_HEADING_CHARS = 120;
/** …and one in the case of a sentence ("Our appeal") this long, in so many words. */
const MAX_PLAIN_HEADING_CHARS = 40;
const MAX_PLAIN_HEADING_WORDS = 6;

/**
 * A section's number in letters before its heading: "III. ", "A. ", "IV "; or the word that
 * numbers a treaty's or a report's parts: "Article 8 ", "Chapter II ", "Part III ".
 */
const SECTION_LETTERS =
  /^(?:(?:[IVXLC]{1,7}|[A-Z])\.?|(?:Article|Chapter|Part|Section)\s+(?:[IVXLC]{1,7}|\d{1,3}))\s+(?=\p{Lu})/u;
/** A section's number in figures: "2. ", "4.1 ", which numbered paragraphs also have. */
const SECTION_FIGURES = /^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})/u;
/** A figure standing alone ("21", "12"), as a table's row states several; not one of a symbol or a date ("S/PV.10412", "06/11/2026"). */
const FIGURE = /(?<![\p{L}\d/.])\d+(?:[.,]\d+)*(?![\p{L}\d/])/gu;
/** A heading ends with no punctuation of a sentence or a clause, and no bracket or quotation mark. */
const ENDS_AS_PROSE = /[.,;:!?…"”’')\]-]$/u;
/** What a caption may end with: its figures' unit in brackets ("(United States dollars)", "(per cent)"). */
const UNIT_IN_BRACKETS = /\s*\([^()]*\)$/;
/** A table's caption: "Table 1 …", "Table A.2 …", "Table IV …". */
const CAPTION = /^Table\s+(?:[IVXLC]{1,7}|[A-Z]?\d{1,3}(?:\.\d{1,2})?)\b/u;
/** A footnote mark after the last word. */
const FOOTNOTE_MARK = /\s*\*+$/;
/**
 * The period a section covers, in brackets after its heading: "Week 1 (5–11 January 2026)",
 * "Phase II (2024–2025)". It dates what the section holds, as a byline does not date a heading.
 */
const PERIOD_AFTER = /\s+\([^()]*\b(?:1[89]|20)\d\d\)$/u;
/**
 * A heading stops at a noun or a name, not at a little word that leaves its phrase open ("We
 * cannot accept the").
 */
const ENDS_OPEN =
  /\b(?:and|or|but|of|to|the|a|an|in|on|at|by|for|with|from|as|that|this|which|who|is|are|was|were|be|has|have|my|our|your|its|their)$/i;
/** A sentence's subject, which no heading opens with: "We cannot", "I have the pleasure". */
const OPENS_AS_SENTENCE = /^(?:I|We|He|She|They|It|You)\b/;
/** What a paragraph under a heading opens with: a capital, a figure, a quotation mark or a bracket. */
const OPENS_PARAGRAPH = /^["“‘'(]*[\p{Lu}\d]/u;


/**
 * Whether a passage is a section heading, followed by a paragraph that opens a sentence. It ends
 * as no sentence or clause does, names no date (a byline under a title, "Delivered on 22 March
 * 2023 by …", tells who and when) but the period its section covers in brackets after it ("Week 1
 * (5–11 January 2026)", as a chronology's weeks are headed), and is one of: a heading numbered in
 * letters ("III. Effect of the COVID-19 pandemic", "A. Casualties"); a short one in capitals or a
 * title's capitals, numbered in figures or not ("7. Shared Responsibility of the International
 * Community", "Climate Change"); or a phrase of a few words with no comma that opens as no
 * sentence does
 * ("The situation in Orlenia", "Our appeal"). Lines of a speech a page break or a lost full stop
 * left without their end ("It is my privilege and honour to address the") are none of these.
 */
export function isSectionHeading(text: string, next: string | undefined): boolean {
  // A table's caption heads it ("Table 1 Civilian casualties by province, 1 January–30 April
  // 2026", "Households resettled, by district and year"), dated or not, numbered or not: quoted
  // alone it says nothing, and what it names the rows count.
  // Its unit in brackets may end it ("… 30 June 2025 (United States dollars)"; user trial 33).
  if (
    next !== undefined &&
    isTableText(next) &&
    (CAPTION.test(text) || !ENDS_AS_PROSE.test(text.replace(UNIT_IN_BRACKETS, '')))
  )
    return text.length <= MAX_NUMBERED_HEADING_CHARS;
  if (next === undefined || !OPENS_PARAGRAPH.test(next)) return false;
  const heading = text.replace(FOOTNOTE_MARK, '').replace(PERIOD_AFTER, '');
  if (ENDS_AS_PROSE.test(heading) || ENDS_OPEN.test(heading)) return false;
  // A table's row states figures ("Total (21 incidents) 12 27"); a heading numbers itself once.
  if ((heading.replace(SECTION_FIGURES, '').match(FIGURE) ?? []).length > 1) return false;
  if (isSignature(heading) || DATE_PATTERN.test(heading)) return false;
  const lettered = SECTION_LETTERS.exec(heading);
  if (lettered) return heading.length <= MAX_NUMBERED_HEADING_CHARS;
  const words = heading.replace(SECTION_FIGURES, '').split(/\s+/);
  if (!/^\p{Lu}/u.test(words[0] ?? '') || !words.some((w) => /\p{L}{3}/u.test(w))) return false;
  // A comma in words with a title's capitals is a sentence's ("Last week, Major General Salehi …"),
  // unless all of them are capitals ("DISARMAMENT, INTERNATIONAL PEACE AND SECURITY").
  const capitals = !/\p{Ll}/u.test(heading);
  if (heading.length <= MAX_TITLED_HEADING_CHARS && (capitals || (titleCased(words.join(' ')) && !heading.includes(','))))
    return true;
  return (
    !SECTION_FIGURES.test(heading) &&
    heading.length <= MAX_PLAIN_HEADING_CHARS &&
    words.length <= MAX_PLAIN_HEADING_WORDS &&
    !heading.includes(',') &&
    !OPENS_AS_SENTENCE.test(heading)
  );
}

/**
 * Marks the headings and salutations among a document's passages (`Passage.role`), in place. For
 * documents that are no letter: a letter's headings (its title, its annexes' titles) are no
 * passages, and its passages are quoted as they are.
 */
export function markPassageRoles(passages: Passage[]): void {
  passages.forEach((passage, i) => {
    const next = passages[i + 1];
    const role: PassageRole | null = isSalutation(passage.text)
      ? 'salutation'
      : isDateline(passage.text)
        ? 'dateline'
        : isSectionHeading(passage.text, next?.text)
          ? 'heading'
          : null;
    if (role) passage.role = role;
  });
}

/**
 * Marks the section headings of a letter's annexes (`isSectionHeading`): an annexed report's
 * "II. Methodology", an annexed treaty's "Article 4 Withdrawal of forces". The letter's own text
 * is read as it is: UN letters number no sections.
 */
export function markAnnexHeadings(passages: Passage[]): void {
  passages.forEach((passage, i) => {
    if (passage.part === 'letter' || passage.role) return;
    const next = passages[i + 1];
    if (next?.part === passage.part && next.partIndex === passage.partIndex && isSectionHeading(passage.text, next.text))
      passage.role = 'heading';
  });
}

/**
 * Marks the place-and-date lines among a letter's passages ("New York, 3 June 2025", at the foot
 * of a note verbale as its mission sent it): where and when, not what it says; an answer to
 * "when was it sent", to nothing else.
 */
export function markDatelines(passages: Passage[]): void {
  for (const passage of passages) if (isDateline(passage.text)) passage.role = 'dateline';
}

/** Whether a passage is a place-and-date line alone ("New York, 3 June 2025"). */
const isDateline = (text: string): boolean => PLACE_AND_DATE.test(text);
