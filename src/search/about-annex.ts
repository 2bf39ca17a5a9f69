import { fold, isStopWord } from './analyze.ts';
import { GLOSSARY } from './glossary.ts';

/**
 * What a message asks of Annex itself rather than of what the documents say: `talk` for small
 * talk or a question about the bot ("thanks!", "test", "Hello! I am new here. What is this bot
 * for?"), `holdings` for a question about what it holds ("what documents do you have?", "list the
 * letters", "what's in your database").
 */
export type AboutAnnex = 'talk' | 'holdings';

/** What a glossary phrase does in a message about Annex (`GLOSSARY.smallTalk`, `GLOSSARY.aboutAnnex`). */
type Role = 'talk' | 'bot' | 'holdings' | 'asking';

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
  ...GLOSSARY.aboutAnnex.holdings.map((phrase) => ({ phrase, role: 'holdings' as const })),
  ...GLOSSARY.aboutAnnex.asking.map((phrase) => ({ phrase, role: 'asking' as const })),
]
  .map(({ phrase, role }) => ({ words: words(phrase), role }))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * The bot's own name, which people add to a greeting ("thanks annex"). It is also a part of a
 * letter, so it never makes a message one about Annex, and "the annex of the letters" is about
 * the documents.
 */
const BOT_NAME = 'annex';

/**
 * Whether a message asks only of Annex or of what it holds: every word of it small talk, a word
 * that names the bot or what it holds, a word that asks of them, a small word, or the bot's name,
 * and one of them names something (small talk, the bot, what it holds). Null for a message with
 * any other word ("which letter mentions Lachin", "what documents mention mines"): it asks of the
 * documents, and is searched.
 */
export function aboutAnnex(message: string): AboutAnnex | null {
  const said = words(message);
  const roles = new Set<Role>();
  let named = false;
  for (let i = 0; i < said.length;) {
    const phrase = PHRASES.find((p) => p.words.every((w, k) => said[i + k] === w));
    if (phrase) {
      roles.add(phrase.role);
      i += phrase.words.length;
    } else if (said[i] === BOT_NAME) {
      named = true;
      i += 1;
    } else if (isStopWord(said[i] as string)) i += 1;
    else return null;
  }
  if (roles.has('holdings')) return named ? null : 'holdings';
  return roles.has('talk') || roles.has('bot') ? 'talk' : null;
}
