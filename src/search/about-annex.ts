import { fold, isStopWord } from './analyze.ts';
import { GLOSSARY } from './glossary.ts';

/**
 * What a message asks of Annex itself rather than of what the documents say: `talk` for small
 * talk or a question about the bot ("thanks!", "test", "Hello! I am new here. What is this bot
 * for?").
 */
export type AboutAnnex = 'talk';

/** What a glossary phrase does in a message about Annex (`GLOSSARY.smallTalk`, `GLOSSARY.aboutAnnex`). */
type Role = 'talk' | 'bot' | 'asking';

/**
 * The words of a message or of a glossary phrase, folded, contractions undone ("what's" →
 * "what", "don't" → "do not") and shorthand written out ("u" → "you"), so that both are read alike.
 */
function words(text: string): string[] {
  return fold(text)
    .replace(/\bcan['’]t\b/g, 'can not')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not')
    .replace(/['’](?:s|m|re|ve|ll|d)\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((word) => (GLOSSARY.shorthand[word] ?? word).split(' '));
}

/** The glossary's phrases of small talk and of questions about Annex, longest first. */
const PHRASES: readonly { words: readonly string[]; role: Role }[] = [
  ...GLOSSARY.smallTalk.map((phrase) => ({ phrase, role: 'talk' as const })),
  ...GLOSSARY.aboutAnnex.bot.map((phrase) => ({ phrase, role: 'bot' as const })),
  ...GLOSSARY.aboutAnnex.asking.map((phrase) => ({ phrase, role: 'asking' as const })),
]
  .map(({ phrase, role }) => ({ words: words(phrase), role }))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * The bot's own name, which people add to a greeting ("thanks annex"). It is also a part of a
 * letter, so it never makes a message one about Annex.
 */
const BOT_NAME = 'annex';

/**
 * Whether a message asks only of Annex: every word of it small talk, a word that names the bot, a
 * word that asks of it, a small word, or the bot's name, and one of them names something (small
 * talk, the bot). Null for a message with any other word ("which letter mentions Lachin"): it
 * asks of the documents, and is searched.
 */
export function aboutAnnex(message: string): AboutAnnex | null {
  const said = words(message);
  const roles = new Set<Role>();
  for (let i = 0; i < said.length;) {
    const phrase = PHRASES.find((p) => p.words.every((w, k) => said[i + k] === w));
    if (phrase) {
      roles.add(phrase.role);
      i += phrase.words.length;
    } else if (said[i] === BOT_NAME) i += 1;
    else if (isStopWord(said[i] as string)) i += 1;
    else return null;
  }
  return roles.has('talk') || roles.has('bot') ? 'talk' : null;
}
