import * as z from 'zod';
import data from './glossary.json' with { type: 'json' };

/**
 * The glossary (`glossary.json`): abbreviations of UN correspondence, terms of mine action and
 * casual spellings with what they stand for, and words that only phrase a question. Kept as
 * data, validated here once when the module loads, so a bad entry fails loudly at start.
 */

const Term = z.object({
  kind: z.enum(['abbreviation', 'term', 'casual']),
  /** How people write it: one or more words, matched whole, case and accents ignored. */
  forms: z.array(z.string().min(1)).min(1),
  /** What it stands for, in words the letters may use (several meanings for an ambiguous form). */
  means: z.array(z.string().min(1)).min(1),
});

/** The shape of `glossary.json`. */
export const GlossaryFile = z.object({
  about: z.string(),
  terms: z.array(Term),
  /**
   * How people shorten the small words that shape a question ("r" for "are", "bc" for
   * "because"), by the word as typed: put right before the question is read.
   */
  shorthand: z.record(
    z.string().regex(/^[\p{L}\p{N}]+$/u, 'a shorthand is one word'),
    z.string().min(1),
  ),
  /** Words and phrases that only phrase a question ("lol", "tell me about"): never searched. */
  phrasing: z.array(z.string().min(1)),
  /** Greetings and thanks: a message of only these asks nothing of the letters. */
  smallTalk: z.array(z.string().min(1)),
  /**
   * What people ask of the bot itself or of what it holds, not of what the documents say ("what
   * is this bot for", "what documents do you have"): read by `aboutAnnex`.
   */
  aboutAnnex: z.object({
    /** Words that name the bot ("bot", "you"). */
    bot: z.array(z.string().min(1)),
    /** Words that name what it holds, as a whole ("documents", "letters", "database"). */
    holdings: z.array(z.string().min(1)),
    /** Words that ask of either, and name nothing a document says ("for", "work", "have", "list"). */
    asking: z.array(z.string().min(1)),
  }),
});

/** One glossary entry. */
export type GlossaryTerm = z.infer<typeof Term>;

/** The validated glossary. */
export const GLOSSARY: Readonly<z.infer<typeof GlossaryFile>> = Object.freeze(
  GlossaryFile.parse(data),
);
