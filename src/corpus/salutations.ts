/**
 * A speech's salutations ("Mr. President,", "Excellencies, ladies and gentlemen,"): lines that
 * address the chair and the audience and say nothing else. They stand apart as paragraphs of
 * their own (`paragraphs.ts`) and are never quoted alone (`passage-roles.ts`).
 */

/** A salutation is at most this long. */
const MAX_SALUTATION_CHARS = 160;

/**
 * Words a salutation is made of: the forms of address a speaker uses for the chair and the
 * audience, and the little words between them ("Mr. President of the General Assembly").
 */
const ADDRESS_WORDS = new Set(
  [
    'mr mister madam madame mrs ms sir dear my your all esteemed distinguished honourable honorable',
    'respected fellow the of and excellency excellencies excellences majesty majesties highness',
    'highnesses president presidents vice-president chair chairman chairperson chairwoman co-chair',
    'co-chairs secretary-general secretary general deputy under-secretary-general high commissioner',
    'heads head state states government governments delegation delegations delegates',
    'representatives ambassadors ministers members colleagues friends participants guests',
    'attendees audience ladies gentlemen brothers sisters leaders assembly united nations council',
    'conference session',
  ]
    .join(' ')
    .split(' '),
);
/** Of which a salutation holds at least one: whom it addresses. */
const ADDRESSEES = new Set(
  [
    'president presidents vice-president chair chairman chairperson chairwoman co-chair co-chairs',
    'secretary-general secretary excellency excellencies excellences majesty majesties highness highnesses',
    'delegates delegations representatives ambassadors ministers colleagues friends participants',
    'guests attendees audience gentlemen brothers sisters leaders',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Whether a passage is a salutation: only forms of address, with at least one addressee, ending
 * at most with a comma, colon, semicolon, exclamation mark or full stop. "The Security Council,"
 * opens a resolution: it addresses no one.
 */
export function isSalutation(text: string): boolean {
  if (text.length > MAX_SALUTATION_CHARS) return false;
  const words = text
    .replace(/^["“‘']+/u, '')
    .replace(/[,;:!.]+$/u, '')
    .split(/[\s,;]+/u)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase().replace(/\.$/, ''));
  if (words.length === 0 || words[0] === 'the') return false;
  return words.every((w) => ADDRESS_WORDS.has(w)) && words.some((w) => ADDRESSEES.has(w));
}
