import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

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
 * One paragraph of a letter, quoted exactly as a reader sees it.
 * UN letters have no numbered paragraphs: `n` is Annex's own numbering, 1-based, in reading order.
 */
export const Passage = z.object({
  n: z.number().int().positive(),
  part: PartKind,
  /** 1-based index among parts of the same kind (the second annex has `partIndex` 2). */
  partIndex: z.number().int().positive(),
  /** Pages this paragraph certainly stands on, from the text's own page footers or page breaks; empty when they do not tell. */
  pages: z.array(z.number().int().positive()),
  /** Offsets into `Letter.text`: `text === letter.text.slice(start, end)`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
});
export type Passage = z.infer<typeof Passage>;

/** Where a metadata value came from: the letter's own text, or the operator's sidecar file. */
export const MetadataSource = z.enum(['text', 'sidecar']);

/** A letter (or note verbale) with everything read from its text. */
export const Letter = z.object({
  /** Stable identifier: the file name without its extension. */
  id: z.string().min(1),
  /** Path of the source file, relative to the corpus folder. */
  file: z.string().min(1),
  /** Document symbol as printed (`A/78/368-S/2023/686`); `null` when neither the text nor a sidecar gives one. */
  symbol: z.string().nullable(),
  /** The symbol split into its parts (`["A/78/368", "S/2023/686"]`); the first one is used for links. */
  symbols: z.array(z.string()),
  symbolSource: MetadataSource.nullable(),
  /** The date of the letter or note itself (from "Letter dated …"). */
  date: IsoDate,
  /** The distribution date from the masthead ("Distr.: General 19 September 2023"). */
  distributed: IsoDate.nullable(),
  kind: z.enum(['letter', 'note verbale']),
  /** The heading as printed: "Letter dated … from … addressed to …". */
  title: z.string().min(1),
  sender: z.string().min(1),
  addressee: z.string().min(1),
  signatories: z.array(Signatory),
  /** Organs with their session or year ("General Assembly, Seventy-eighth session"). */
  bodies: z.array(z.string()),
  agendaItems: z.array(z.number().int().positive()),
  /** The UN job number from the page footers (`23-18063`). */
  jobNumber: z.string().nullable(),
  annexes: z.array(Annex),
  passages: z.array(Passage),
  /** The letter as a reader sees it: blocks separated by blank lines, wraps, footers and markdown removed. */
  text: z.string(),
  /** SHA-256 of the source bytes, used to refuse duplicates and to key the saved index. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Letter = z.infer<typeof Letter>;

/**
 * Operator-supplied metadata, in `<letter>.meta.json` beside the letter. It may add what the text
 * lacks; where the text says something else, loading fails rather than pick one silently.
 */
export const Sidecar = z
  .object({
    symbol: z
      .string()
      .regex(
        /^[A-Z]+(?:\/[A-Za-z0-9.]+)+(?:-[A-Z]+(?:\/[A-Za-z0-9.]+)+)*$/,
        'not a UN document symbol',
      ),
    date: IsoDate,
    distributed: IsoDate,
    /** Page number of the first page of the text, for extracts that start mid-document. */
    firstPage: z.number().int().positive(),
  })
  .partial()
  .strict();
export type Sidecar = z.infer<typeof Sidecar>;
