import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateWithin } from '../../src/corpus/dates.ts';
import { findLetterByKey, loadCorpus, namesLetter } from '../../src/corpus/index.ts';
import { documentNoun, isLetter, type Letter } from '../../src/corpus/schema.ts';
import type { SearchFilters } from '../../src/search/candidates.ts';
import { authorNames, nameKey } from '../../src/search/catalog.ts';
import { describeScope, SearchIndex } from '../../src/search/index.ts';
import { prepare, unknownSymbol } from '../../src/search/rank.ts';
import { CORPUS_DIR, documentsOf } from '../helpers.ts';

/**
 * The documents by their metadata (`catalog.ts`): what a search with filters covers, worked out
 * from the index, not by going through every document and passage per question.
 */

const DOCUMENTS = path.resolve(import.meta.dirname, '..', 'fixtures', 'documents');

let letters: Letter[];
let index: SearchIndex;
/** How often some document's passages were gone through since the index was built. */
let passageReads = 0;

beforeAll(async () => {
  const loaded = [
    ...(await loadCorpus(CORPUS_DIR)).letters,
    ...(await loadCorpus(DOCUMENTS)).letters,
  ];
  // Documents that count how often their passages are gone through.
  letters = loaded.map((letter) => {
    const copy = { ...letter };
    Object.defineProperty(copy, 'passages', {
      get: () => {
        passageReads += 1;
        return letter.passages;
      },
    });
    return copy;
  });
  index = SearchIndex.build(letters);
});

/** What the filters cover, counted document by document. */
function counted(filters: SearchFilters) {
  const kept = letters.filter(
    (l) =>
      (!filters.letter || namesLetter(l, filters.letter)) &&
      dateWithin(l.date, filters.from, filters.to),
  );
  const dates = kept.map((l) => l.date).filter(Boolean);
  return {
    letters: kept.length,
    // A passage of the text of a document that is no letter (a speech) is in no letter part.
    passages: kept
      .flatMap((l) => l.passages.map((p) => ({ p, letter: isLetter(l) })))
      .filter(
        ({ p, letter }) =>
          !filters.part || (p.part === filters.part && (p.part !== 'letter' || letter)),
      ).length,
    from: dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : null,
    to: dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : null,
    noun: documentNoun(letters),
  };
}

describe('describeScope', () => {
  it.each<SearchFilters>([
    {},
    { part: 'annex' },
    { from: '2022-01-01', to: '2023-12-31' },
    // A document dated by its year alone falls within a range that overlaps the year.
    { from: '2019-06-01', to: '2019-06-30' },
    { from: '2019-06-01' },
    { to: '2021-02-23' },
    { from: '2025-01-01', part: 'letter' },
    { from: '2030-01-01' },
    { letter: 'A/76/930' },
    { letter: 'year-only', from: '2019-12-01' },
    { letter: 'year-only', from: '2020-01-01' },
  ])('covers what the filters %j keep, without going through the documents', (filters) => {
    const expected = counted(filters);
    passageReads = 0;
    expect(describeScope(index, filters)).toEqual(expected);
    expect(passageReads).toBe(0);
  });
});

describe('DocumentCatalog.find', () => {
  it('finds the document an id or a symbol names, in any case, as findLetterByKey does', () => {
    const keys = letters.flatMap((l) => [
      l.id,
      l.id.toUpperCase(),
      ...(l.symbol ? [l.symbol, l.symbol.toLowerCase()] : []),
      ...l.symbols,
    ]);
    expect(keys.length).toBeGreaterThan(letters.length);
    for (const key of [...keys, 'A/99/999', 'no-such-document'])
      expect(index.letters[index.catalog.find(key)]).toBe(findLetterByKey(letters, key));
  });
});

describe('a resolution by its symbol, with its year or without (user trial 14)', () => {
  it('is found as "S/RES/2841 (2026)", "S/RES/2841(2026)" and "S/RES/2841"', async () => {
    const resolution = await documentsOf({
      'resolution.txt':
        '---\ntitle: Resolution 2841 (2026)\nsymbol: S/RES/2841 (2026)\ndate: 2026-01-28\nkind: resolution\n---\n1. Decides to extend the mandate of the Mission until 31 January 2027;\n',
    });
    const built = SearchIndex.build(resolution);
    for (const key of ['S/RES/2841 (2026)', 's/res/2841(2026)', 'S/RES/2841']) {
      expect(built.catalog.named(key)).toEqual([0]);
      expect(namesLetter(resolution[0] as Letter, key)).toBe(true);
    }
    expect(built.catalog.named('S/RES/2842')).toEqual([]);
    expect(unknownSymbol(prepare(built, 'S/RES/2841 (2026) mandate', {}))).toBeNull();
  });
});

describe('DocumentCatalog.byAuthorCode', () => {
  it('knows a State by its ISO code when its author is named otherwise than the ISO list has it', () => {
    // The ISO list has "Micronesia, Federated States of", "Moldova, Republic of", "Lao People's
    // Democratic Republic" and "Syrian Arab Republic"; WordNet knows the last two as Laos and Syria.
    const authors: Record<string, string> = {
      FSM: 'Federated States of Micronesia',
      MDA: 'Moldova',
      LAO: 'Laos',
      SYR: 'Syria',
      JOR: 'Jordan',
    };
    const [first] = letters;
    if (!first) throw new Error('no letter');
    const named = Object.values(authors).map((author, i) => ({
      ...first,
      id: `speech-${i}`,
      author,
    }));
    const catalog = SearchIndex.build(named).catalog;
    for (const [code, author] of Object.entries(authors))
      expect(catalog.byAuthorCode(code).map((i) => named[i]?.author)).toEqual([author]);
    // A body is no State.
    expect(
      SearchIndex.build([{ ...first, author: 'European Union' }]).catalog.byAuthorCode('EU'),
    ).toEqual([]);
  });
});

describe('DocumentCatalog.kindOf', () => {
  it('names the kind of each document as ofKind lists the documents of a kind', () => {
    const kinds = new Set(index.letters.map((_, i) => index.catalog.kindOf(i)));
    // The seed letters, notes verbales and the fixtures' speeches and statements.
    expect(kinds.size).toBeGreaterThan(2);
    for (const kind of kinds) {
      if (kind === undefined) throw new Error('a document without a kind');
      expect(index.catalog.ofKind(kind)).toEqual(
        index.letters.flatMap((_, i) => (index.catalog.kindOf(i) === kind ? [i] : [])),
      );
    }
    expect(index.catalog.kindOf(index.letters.length)).toBeUndefined();
  });
});

describe('authorNames', () => {
  it('names whom an author speaks for, not where it is posted ("… to the United Nations")', () => {
    const names = authorNames('Permanent Representative of Azerbaijan to the United Nations');
    expect(names).toContain('azerbaijan');
    expect(names).toContain(nameKey('Permanent Representative'));
    expect(names).not.toContain(nameKey('United Nations'));
    expect(names).not.toContain('§un');
    const geneva = authorNames(
      'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
    );
    expect(geneva).not.toContain('geneva');
    expect(geneva).not.toContain('§unog');
    expect(authorNames('Democratic Republic of the Congo')).toContain('§drc');
  });

  it('calls a State by the place name its name opens with (user trial 26: "what did brunei say")', () => {
    expect(authorNames('Brunei Darussalam')).toContain('brunei');
    expect(authorNames('Trinidad and Tobago')).toContain('trinidad');
    // Not by a first word that is no place's name.
    expect(authorNames('United States of America')).not.toContain(nameKey('United'));
    expect(authorNames('Saudi Arabia')).not.toContain(nameKey('Saudi'));
  });

  it('leaves "UN staff … in 2024" unnamed by letters their author sends to the United Nations', () => {
    const azerbaijan = letters.filter((l) => l.author?.includes('to the United Nations'));
    expect(azerbaijan.length).toBeGreaterThan(0);
    const q = prepare(index, 'how many UN staff were detained in 2024', {});
    expect(q.scope.groups).toBeUndefined();
  });
});
