/**
 * Button state, carried in `custom_id` (at most 100 characters) so buttons keep working after a
 * restart. A letter is named by the first 10 hex digits of its content hash, which survives
 * restarts and corpus reloads as long as the letter's text is unchanged.
 */
import { filterKey, type ListFilter } from '../search/list-filter.ts';
import { DISCORD_LIMITS } from './limits.ts';

const PREFIX = 'annex';

/** Filters of an /ask or /search, as buttons carry them. */
export interface ButtonScope {
  letterKey: string | null;
  from: string | null;
  to: string | null;
}

/** What a button does. */
export type ButtonAction =
  | { kind: 'ask-page'; userId: string; offset: number; scope: ButtonScope }
  | { kind: 'search-page'; userId: string; offset: number; scope: ButtonScope }
  | { kind: 'publish'; userId: string; offset: number; scope: ButtonScope }
  | {
      kind: 'context';
      userId: string;
      letterKey: string;
      passage: number;
      offset: number;
      scope: ButtonScope;
    }
  | {
      kind: 'cite';
      userId: string;
      letterKey: string;
      passage: number;
      offset: number;
      scope: ButtonScope;
    }
  /**
   * A page of /letters, with its filter when it has one: kind and author as slugs, an author with
   * no room for its slug as `#` and its key (`filterKey`), which the handler looks up.
   */
  | { kind: 'letters-page'; userId: string; page: number; filter?: ListFilter }
  /** A /chart's view: all series (0) or one (its 1-based index), the chart or its passages only. */
  | {
      kind: 'chart';
      userId: string;
      series: number;
      passagesOnly: boolean;
      scope: ButtonScope;
    }
  | { kind: 'quote'; userId: string; letterKey: string; passage: number };

const CODES = {
  'ask-page': 'a',
  'search-page': 's',
  publish: 'p',
  context: 'x',
  cite: 'c',
  'letters-page': 'l',
  quote: 'q',
  chart: 'h',
} as const;

const scopeParts = (s: ButtonScope) => [s.letterKey ?? '', s.from ?? '', s.to ?? ''];

/** Encodes a button's action; `null` when it would not fit in a `custom_id`. */
export function encodeButton(action: ButtonAction): string | null {
  const parts: (string | number)[] = [PREFIX, CODES[action.kind], action.userId];
  switch (action.kind) {
    case 'ask-page':
    case 'search-page':
    case 'publish':
      parts.push(action.offset, ...scopeParts(action.scope));
      break;
    case 'context':
    case 'cite':
      parts.push(action.letterKey, action.passage, action.offset, ...scopeParts(action.scope));
      break;
    case 'letters-page':
      parts.push(action.page);
      if (action.filter) {
        const { kind, author, year } = action.filter;
        parts.push(kind ?? '', year ?? '', author ?? '');
        // A long author's slug leaves no room: its key names it instead.
        if (author && !author.startsWith('#') && parts.join(':').length > DISCORD_LIMITS.customId)
          parts[parts.length - 1] = `#${filterKey(author)}`;
      }
      break;
    case 'quote':
      parts.push(action.letterKey, action.passage);
      break;
    case 'chart':
      parts.push(action.series, action.passagesOnly ? 1 : 0, ...scopeParts(action.scope));
      break;
  }
  const id = parts.join(':');
  return id.length <= DISCORD_LIMITS.customId ? id : null;
}

const DATE = /^(?:\d{4}-\d{2}-\d{2})?$/;
const KEY = /^(?:[0-9a-f]{10})?$/;
const SNOWFLAKE = /^\d{1,20}$/;
/** A kind or author as a list's filter compares them (`slug`): letters and digits between hyphens. */
const SLUG = /^[\p{L}\p{N}-]*$/u;
const int = (s: string | undefined) => (s !== undefined && /^\d{1,6}$/.test(s) ? Number(s) : null);

function scope(letterKey = '', from = '', to = ''): ButtonScope | null {
  if (!KEY.test(letterKey) || !DATE.test(from) || !DATE.test(to)) return null;
  return { letterKey: letterKey || null, from: from || null, to: to || null };
}

/** Decodes a `custom_id`; `null` for one Annex did not make (or no longer understands). */
export function decodeButton(customId: string): ButtonAction | null {
  const [prefix, code, userId = '', ...rest] = customId.split(':');
  if (prefix !== PREFIX || !SNOWFLAKE.test(userId)) return null;
  switch (code) {
    case 'a':
    case 's':
    case 'p': {
      const [offset, ...s] = rest;
      const o = int(offset);
      const sc = scope(...s);
      if (o === null || !sc || s.length !== 3) return null;
      const kind = code === 'a' ? 'ask-page' : code === 's' ? 'search-page' : 'publish';
      return { kind, userId, offset: o, scope: sc };
    }
    case 'x':
    case 'c': {
      const [letterKey = '', passage, offset, ...s] = rest;
      const n = int(passage);
      const o = int(offset);
      const sc = scope(...s);
      if (!letterKey || !KEY.test(letterKey) || n === null || o === null || !sc || s.length !== 3)
        return null;
      return {
        kind: code === 'x' ? 'context' : 'cite',
        userId,
        letterKey,
        passage: n,
        offset: o,
        scope: sc,
      };
    }
    case 'l': {
      const [pageText, kind = '', year = '', author = ''] = rest;
      const page = int(pageText);
      if (page === null) return null;
      if (rest.length === 1) return { kind: 'letters-page', userId, page };
      if (
        rest.length !== 4 ||
        !SLUG.test(kind) ||
        !/^(?:\d{1,4})?$/.test(year) ||
        !(SLUG.test(author) || /^#[0-9a-f]{8}$/.test(author))
      )
        return null;
      const filter = {
        kind: kind || null,
        author: author || null,
        year: year ? Number(year) : null,
      };
      return { kind: 'letters-page', userId, page, filter };
    }
    case 'q': {
      const [letterKey = '', passage] = rest;
      const n = int(passage);
      return letterKey && KEY.test(letterKey) && n !== null && rest.length === 2
        ? { kind: 'quote', userId, letterKey, passage: n }
        : null;
    }
    case 'h': {
      const [series, only, ...s] = rest;
      const n = int(series);
      const sc = scope(...s);
      if (n === null || (only !== '0' && only !== '1') || !sc || s.length !== 3) return null;
      return { kind: 'chart', userId, series: n, passagesOnly: only === '1', scope: sc };
    }
    default:
      return null;
  }
}
