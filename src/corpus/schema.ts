import * as z from 'zod';

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * A document's date as far as it is known: a day (`YYYY-MM-DD`), a month (`YYYY-MM`), a year
 * (`YYYY`), or `''` when nothing tells it. Partial and unknown dates sort before the full dates
 * they may be, and `dayNumber`/`dateWithin` (dates.ts) compare them.
 */
export const DocumentDate = z
  .string()
  .regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/, 'expected a date as YYYY-MM-DD, YYYY-MM, YYYY or nothing');

/** Which part of a document a passage belongs to. */
export const PartKind = z.enum(['letter', 'annex', 'enclosure']);
export type PartKind = z.infer<typeof PartKind>;

/** A person who signed the letter or one of its annexes, as the `(Signed)` line gives them. */
export const Signatory = z.object({
  name: z.string().min(1),
  /** The title printed under or after the name; when the signature has none, the sender named in the heading of the part it signs; `null` when neither says. */
  title: z.string().nullable(),
});
export type Signatory = z.infer<typeof Signatory>;

/** An annex (or enclosure) as its own heading names it. */
export const Annex = z.object({
  title: z.string().min(1),
  /** The annex's own date (a date line under its title, or the date in a "Letter dated …" title); `null` when it shows none. */
  date: IsoDate.nullable(),
});
export type Annex = z.infer<typeof Annex>;

/**
 * What a passage is when it says nothing alone: of a document that is no letter, a section
 * heading ("III. Effect of the COVID-19 pandemic") or a salutation ("Mr. President,"), never
 * quoted as an answer; of any document, a place-and-date line ("New York, 3 June 2025"), quoted
 * only to a question of when. It stays a passage with its number (citations keep theirs).
 */
export const PassageRole = z.enum(['heading', 'salutation', 'dateline']);
export type PassageRole = z.infer<typeof PassageRole>;

/**
 * One paragraph of a document, quoted exactly as a reader sees it, or one piece of a paragraph
 * too long to quote whole (split at sentence ends, at most `MAX_PASSAGE_CHARS`).
 * UN letters have no numbered paragraphs: `n` is Annex's own numbering, 1-based, in reading order.
 */
export const Passage = z.object({
  n: z.number().int().positive(),
  part: PartKind,
  /** 1-based index among parts of the same kind (the second annex has `partIndex` 2). */
  partIndex: z.number().int().positive(),
  /** Pages this paragraph certainly stands on, from the text's own page footers or page breaks; empty when they do not tell. */
  pages: z.array(z.number().int().positive()),
  /** Offsets into `Document.text`: `text === document.text.slice(start, end)`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  /** Set when the passage is a section heading, a salutation or a place-and-date line (`PassageRole`); absent for a paragraph. */
  role: PassageRole.optional(),
  /**
   * Who speaks the passage in a meeting's record, as its turn opens ("Ms. Dubois (France)", "The
   * President"); absent where the document's author speaks (every passage of any other document).
   */
  speaker: z.string().min(1).optional(),
});
export type Passage = z.infer<typeof Passage>;

/**
 * Where a metadata value came from: the document's own text, the operator's sidecar file, the
 * YAML front matter at the top of the file, or (last) the file's name.
 */
export const MetadataSource = z.enum(['text', 'sidecar', 'front matter', 'file name']);
export type MetadataSource = z.infer<typeof MetadataSource>;

/** The kinds of document that are UN letters, with a heading, a sender and an addressee. */
export const LETTER_KINDS = ['letter', 'note verbale'] as const;

/**
 * The kinds of document Annex names itself, from a letter's heading or a title's first words
 * ("Statement by …"): a front matter `kind` a typo away from one of them is warned of.
 */
export const KNOWN_KINDS = [
  ...LETTER_KINDS,
  'statement',
  'speech',
  'report',
  'resolution',
  'decision',
  'press release',
  'declaration',
  'communiqué',
  'memorandum',
  'note',
  'record',
] as const;

/**
 * A document of the corpus with everything read from its front matter, its text and its file
 * name: a UN letter or note verbale (with heading, sender, addressee, signatories) or any other
 * document (a statement, a speech, a report …). What nothing tells stays empty or `null`.
 */
export const Document = z.object({
  /** Stable identifier: the file name without its extension. */
  id: z.string().min(1),
  /** Path of the source file, relative to the corpus folder. */
  file: z.string().min(1),
  /** Document symbol as printed (`A/78/368-S/2023/686`); `null` when neither the text nor a sidecar gives one. */
  symbol: z.string().nullable(),
  /** The symbol split into its parts (`["A/78/368", "S/2023/686"]`); the first one is used for links. */
  symbols: z.array(z.string()),
  symbolSource: MetadataSource.nullable(),
  /**
   * The date of the document itself (a letter's "Letter dated …"), as far as it is known: a
   * day, a month, a year, or `''` when neither front matter, text nor file name tells it.
   */
  date: DocumentDate,
  /** The distribution date from the masthead ("Distr.: General 19 September 2023"). */
  distributed: IsoDate.nullable(),
  /** "letter" or "note verbale" for UN letters; otherwise what the front matter or title says ("speech", "report"), else "document". */
  kind: z.string().min(1),
  /** A letter's heading as printed ("Letter dated … from … addressed to …"); otherwise the front matter's title, the title line of the text, or the file name. */
  title: z.string().min(1),
  /** Who speaks: the State or body (front matter `author`, a title "Statement by …"), a letter's sender; `null` when nothing tells. */
  author: z.string().nullable(),
  /** A letter's sender as its heading names it; for another document its author, or `''`. */
  sender: z.string(),
  /** A letter's addressee; `''` for a document that is not addressed to anyone. */
  addressee: z.string(),
  /** The document's language as the front matter gives it (`en`, `English`); `null` when not given. */
  language: z.string().nullable(),
  /** A link to the document from the front matter; links are otherwise built from the symbol. */
  url: z.string().nullable(),
  /** Where the title, date, author and kind came from (a symbol's source is `symbolSource`). */
  sources: z.object({
    title: MetadataSource,
    date: MetadataSource.nullable(),
    author: MetadataSource.nullable(),
    kind: MetadataSource.nullable(),
  }),
  signatories: z.array(Signatory),
  /** Organs with their session or year ("General Assembly, Seventy-eighth session"). */
  bodies: z.array(z.string()),
  /** Agenda items as printed, sub-item included: `"18 (a)"`, `"129"`. */
  agendaItems: z.array(z.string().regex(/^\d+(?: \([a-z]\))?$/)),
  /** The UN job number from the page footers (`23-18063`). */
  jobNumber: z.string().nullable(),
  annexes: z.array(Annex),
  /** Who has turns in a meeting's record, in the order they first speak (`Passage.speaker`); absent for any other document. */
  speakers: z.array(z.string().min(1)).optional(),
  passages: z.array(Passage),
  /** The letter as a reader sees it: blocks separated by blank lines, wraps, footers and markdown removed. */
  text: z.string(),
  /** SHA-256 of the source bytes, used to refuse duplicates and to key the saved index. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Document = z.infer<typeof Document>;

/** The former name of `Document`, kept so that code written for letters reads every document. */
export const Letter = Document;
export type Letter = Document;

/** Whether a document is a UN letter or note verbale (with a heading, a sender and an addressee). */
export function isLetter(document: Pick<Document, 'kind'>): boolean {
  return (LETTER_KINDS as readonly string[]).includes(document.kind);
}

/**
 * Operator-supplied metadata, in `<letter>.meta.json` beside the letter. It may add what the text
 * lacks; where the text says something else, loading fails rather than pick one silently.
 */
export const Sidecar = z
  .object({
    symbol: z
      .string()
      .regex(
        // A resolution of the Security Council carries its year in brackets: S/RES/2428 (2018).
        /^[A-Z]+(?:\/[A-Za-z0-9.]+)+(?: ?\(\d{4}\))?(?:-[A-Z]+(?:\/[A-Za-z0-9.]+)+(?: ?\(\d{4}\))?)*$/,
        'not a UN document symbol (like A/78/368, A/76/930-S/2022/642 or S/RES/2428 (2018))',
      ),
    date: IsoDate,
    distributed: IsoDate,
    /** Page number of the first page of the text, for extracts that start mid-document. */
    firstPage: z.number().int().positive(),
  })
  .partial()
  .strict();
export type Sidecar = z.infer<typeof Sidecar>;

/**
 * Documents newest first, as `/letters` and `cli letters` list them (the newest are what people
 * look for): the corpus's order, undated first and then by date, reversed.
 */
export function newestFirst<T>(documents: readonly T[]): T[] {
  return [...documents].reverse();
}

/** What a set of documents is called in the interface. */
export type DocumentNoun = 'letter' | 'document';

/** "letter" while every document is a UN letter or note verbale, otherwise "document". */
export function documentNoun(documents: readonly Pick<Document, 'kind'>[]): DocumentNoun {
  return documents.every(isLetter) ? 'letter' : 'document';
}

/** "1 letter", "5 letters", "10,953 documents". */
export function countDocuments(count: number, noun: DocumentNoun = 'letter'): string {
  return `${withThousands(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A whole number as `toLocaleString('en-US')` writes it ("10,953"), without loading the
 * platform's number formatting for it: its first use took a CLI call 10–20 ms.
 */
export function withThousands(n: number): string {
  return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US');
}
