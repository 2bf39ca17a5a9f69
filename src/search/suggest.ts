import { formatUnDate } from '../corpus/dates.ts';
import type { Letter } from '../corpus/schema.ts';
import { fold } from './analyze.ts';

/** A letter offered while the user types: what they see, and the letter id sent back. */
export interface LetterSuggestion {
  name: string;
  value: string;
}

/** At most this many suggestions (Discord's limit for autocomplete). */
export const MAX_SUGGESTIONS = 25;
const NAME_LENGTH = 100;

/** "19 September 2023 · A/78/368-S/2023/686 · Letter dated …", cut to Discord's 100 characters. */
export function suggestionName(letter: Letter): string {
  const name = `${formatUnDate(letter.date)} · ${letter.symbol ?? 'no symbol'} · ${letter.title}`;
  return name.length <= NAME_LENGTH ? name : `${name.slice(0, NAME_LENGTH - 1)}…`;
}

/**
 * Letters matching what the user typed, by date (`2023`, `2023-09`, `September 2023`), symbol
 * (`A/78/368`) or title words (`note verbale geneva`); every word typed must match. Newest first.
 */
export function suggestLetters(
  letters: readonly Letter[],
  typed: string,
  limit = MAX_SUGGESTIONS,
): LetterSuggestion[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  const matches = letters.filter((l) => {
    const haystack = fold(
      `${l.id} ${l.date} ${formatUnDate(l.date)} ${l.symbol ?? ''} ${l.title} ${l.annexes.map((a) => a.title).join(' ')}`,
    );
    return words.every((w) => haystack.includes(w));
  });
  return [...matches]
    .reverse()
    .slice(0, Math.min(limit, MAX_SUGGESTIONS))
    .map((l) => ({ name: suggestionName(l), value: l.id }));
}
