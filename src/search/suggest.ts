import { formatUnDate } from '../corpus/dates.ts';
import type { Letter } from '../corpus/schema.ts';
import { fold } from './analyze.ts';

/** A letter offered while the user types: what they see, and the letter id sent back. */
export interface LetterSuggestion {
  name: string;
  value: string;
}

/** What each document is found by, folded once per list of documents (an index's lasts as long as it serves). */
const HAYSTACKS = new WeakMap<readonly Letter[], string[]>();

/** At most this many suggestions (Discord's limit for autocomplete). */
export const MAX_SUGGESTIONS = 25;
const NAME_LENGTH = 100;

/** "19 September 2023 · A/78/368-S/2023/686 · Letter dated …", cut to Discord's 100 characters. */
export function suggestionName(letter: Letter): string {
  const name = `${formatUnDate(letter.date)} · ${letter.symbol ?? 'no symbol'} · ${letter.title}`;
  return name.length <= NAME_LENGTH ? name : `${name.slice(0, NAME_LENGTH - 1)}…`;
}

/**
 * Documents matching what the user typed, by date (`2023`, `2023-09`, `September 2023`), symbol
 * (`A/78/368`), title words (`note verbale geneva`), author or kind (`norway speech`); every word
 * typed must match. Newest first.
 */
export function suggestLetters(
  letters: readonly Letter[],
  typed: string,
  limit = MAX_SUGGESTIONS,
): LetterSuggestion[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  let haystacks = HAYSTACKS.get(letters);
  if (!haystacks) {
    haystacks = letters.map((l) =>
      fold(
        `${l.id} ${l.date} ${formatUnDate(l.date)} ${l.symbol ?? ''} ${l.title} ${l.author ?? ''} ${l.kind} ${l.annexes.map((a) => a.title).join(' ')}`,
      ),
    );
    HAYSTACKS.set(letters, haystacks);
  }
  const found = haystacks;
  const matches = letters.filter((_, i) => words.every((w) => (found[i] ?? '').includes(w)));
  return [...matches]
    .reverse()
    .slice(0, Math.min(limit, MAX_SUGGESTIONS))
    .map((l) => ({ name: suggestionName(l), value: l.id }));
}
