import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter, Passage } from '../../src/corpus/schema.ts';
import { quotePassage } from '../../src/render/passage.ts';
import { renderCitationsText } from '../../src/render/text.ts';
import { listedWhere } from '../../src/render/wording.ts';
import { passageResult } from '../../src/search/answer.ts';
import { CITATION_STYLES, formatCitation, formatStyledCitation } from '../../src/search/cite.ts';
import {
  findPassage,
  numberingOf,
  paragraphLabel,
  paragraphNumbers,
} from '../../src/search/paragraph-numbers.ts';
import { CORPUS_DIR, documentOf, documentsOf, tempDir } from '../helpers.ts';

/** A report as the UN prints one: headings, numbered paragraphs, a lead-in with lettered items. */
const REPORT = `---
symbol: A/75/999
date: 2020-08-10
kind: report
title: Assistance in mine action
---
I. Introduction

1. The present report gives an overview of mine action during the period.

2. The United Nations supported mine action in 30 countries and territories.

II. Progress

3. According to the Landmine Monitor, 5,554 people were killed or injured by mines in 2019.

4. The Secretary-General urges Member States:

(a) To provide predictable funding for mine action;

(b) To share information on contamination with the United Nations;

5. The Secretary-General encourages States to accede to the Convention.

6. The Secretary-General recommends:

(a) ${'That States record every casualty of mines and explosive remnants of war, by age and sex. '.repeat(7)}

(b) ${'That States share information on contamination with the United Nations every year. '.repeat(7)}

(c) ${'That donors fund victim assistance over several years, not one year at a time. '.repeat(7)}
`;

/** A long numbered paragraph that Annex splits into pieces, the later ones without its number. */
const LONG = `---
date: 2021-01-01
kind: report
title: A long report
---
1. ${'The mission recorded a further incident near the border crossing that day. '.repeat(40)}

2. The mission will report again.
`;

let dir: string;
let letters: Letter[];
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(path.join(dir, 'report.md'), REPORT);
  await writeFile(path.join(dir, 'long.md'), LONG);
  // A speech that opens one paragraph with a figure: no numbering of its own.
  await writeFile(
    path.join(dir, 'speech.md'),
    '---\ntitle: Statement by Norway on oceans\ndate: 2019\nkind: speech\n---\nMr. President,\n\n2. That is the number of reasons I will give today.\n\nWe thank you.\n',
  );
  // Numbers that do not run 4, 5, 6 …: not the document's paragraph numbering.
  await writeFile(
    path.join(dir, 'gaps.md'),
    '---\ntitle: Notes on the fleet\ndate: 2019\nkind: notes\n---\n3. Boats were counted in the harbour.\n\n17. Crews were counted at sea.\n',
  );
  // A speech whose record numbers its paragraphs from 31 on: more numbers than passages.
  await writeFile(
    path.join(dir, 'excerpt.md'),
    '---\ntitle: Statement by Romania in the general debate\ndate: 1977\nkind: speech\n---\n31. Peace is the first concern of our people.\n\n32. Disarmament must begin with nuclear weapons.\n\n33. We support the new economic order.\n',
  );
  // A scanned record: one number lost to the scan ("4i"5."), a list of its own inside paragraph 47.
  await writeFile(
    path.join(dir, 'scan.md'),
    [
      '---\ntitle: Statement by Ghana in the general debate\ndate: 1961\nkind: speech\n---',
      '45.\tIt is with a realization of this urgent need that we came.',
      '4i"5. The Belgrade Conference has a history of its own.',
      '47.\tThe Conference asked two things of the great Powers.',
      '1. That they meet at once.',
      '2. That they stop all tests.',
      '48.\tThe important point is that there was a duty to be performed.',
    ].join('\n\n'),
  );
  letters = (await loadCorpus(dir)).letters;
});

const starting = (l: Letter, words: string): Passage => {
  const p = l.passages.find((q) => q.text.startsWith(words));
  if (!p) throw new Error(`no passage starts "${words}"`);
  return p;
};

describe('paragraphNumbers (user trial 13)', () => {
  it('gives a report’s numbered paragraphs their own numbers, and its lettered items theirs', () => {
    const report = documentOf({ letters }, 'report');
    expect(paragraphLabel(report, starting(report, '3. According'))).toBe('para. 3');
    // A lead-in and its short items are one passage: the paragraph's.
    const urges = starting(report, '4. The Secretary-General urges');
    expect(urges.text).toContain('(b) To share');
    expect(paragraphLabel(report, urges)).toBe('para. 4');
    // Items too long to join their lead-in are passages of their own, each cited as its item.
    expect(paragraphLabel(report, starting(report, '(b) That States share'))).toBe('para. 6 (b)');
    expect(paragraphLabel(report, starting(report, '5. The Secretary-General'))).toBe('para. 5');
    // A heading is no paragraph: it keeps Annex's passage number.
    expect(paragraphLabel(report, starting(report, 'II. Progress'))).toBeNull();
  });

  it('gives every piece of a long numbered paragraph the paragraph’s number', () => {
    const long = documentOf({ letters }, 'long');
    const pieces = long.passages.filter((p) => !p.text.startsWith('2.'));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => paragraphLabel(long, p))).toEqual(pieces.map(() => 'para. 1'));
  });

  it('numbers nothing in a document whose figures at paragraph starts are no numbering', () => {
    expect(paragraphNumbers(documentOf({ letters }, 'speech')).size).toBe(0);
    expect(paragraphNumbers(documentOf({ letters }, 'gaps')).size).toBe(0);
  });

  it('keeps a scanned record’s numbering where a number was lost or a list of its own is numbered (user trial 25)', () => {
    const scan = documentOf({ letters }, 'scan');
    const label = (words: string) => paragraphLabel(scan, starting(scan, words));
    expect(label('45.')).toBe('para. 45');
    expect(label('4i"5.')).toBeNull();
    expect(label('47.')).toBe('para. 47');
    expect(label('48.')).toBe('para. 48');
    // A list's "1." inside paragraph 47 is no paragraph 1 of the speech.
    expect([...paragraphNumbers(scan).values()].map((p) => p.paragraph)).not.toContain(1);
  });

  it('numbers no paragraph of a UN letter, whatever its text looks like', async () => {
    const seed = (await loadCorpus(CORPUS_DIR)).letters;
    for (const l of seed) expect(paragraphNumbers(l).size).toBe(0);
  });

  it('numbers the paragraphs of what a letter annexes, not the letter’s own (user trial 31)', async () => {
    const [letter] = await documentsOf({
      'list.txt': [
        'Letter dated 3 September 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General',
        '',
        '1. I have the honour to transmit herewith a list of attacks (see annex).',
        '',
        '2. I should be grateful if you would have it circulated as a document of the Security Council.',
        '',
        '(Signed) Petar Dravic',
        '',
        'Annex to the letter dated 3 September 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General',
        '',
        'List of attacks, August 2025',
        '',
        '1. 2 August 2025, Pellin village: mortar shelling. 3 civilians killed.',
        '',
        '2. 5 August 2025, Dunvic road: an explosive device struck a bus. 6 civilians killed.',
        '',
      ].join('\n'),
    });
    if (!letter) throw new Error('no letter');
    const byText = (start: string) =>
      letter.passages.find((p) => p.text.startsWith(start)) as Passage;
    expect(paragraphLabel(letter, byText('2. 5 August'))).toBe('para. 2');
    expect(paragraphLabel(letter, byText('2. I should'))).toBeNull();
  });
});

describe('findPassage: a passage as its citation names it (user trial 21)', () => {
  it('finds "para. 6 (b)", "¶ 3" and "paragraph 5" as the document prints them', () => {
    const report = documentOf({ letters }, 'report');
    expect(findPassage(report, 'para. 6 (b)')).toBe(starting(report, '(b) That States share'));
    expect(findPassage(report, '¶ 3')).toBe(starting(report, '3. According'));
    expect(findPassage(report, 'paragraph 5')).toBe(starting(report, '5. The Secretary-General'));
    expect(findPassage(report, 'para 99')).toBeNull();
  });

  it('takes a bare number for Annex’s passage number, else for the paragraph printed so', () => {
    const report = documentOf({ letters }, 'report');
    const second = report.passages.find((p) => p.n === 2);
    expect(findPassage(report, 2)).toBe(second);
    const last = Math.max(...report.passages.map((p) => p.n));
    // More paragraphs than passages: none is numbered past the last passage here, so a number
    // past it is no passage and no paragraph.
    expect(findPassage(report, last + 1)).toBeNull();
    expect(numberingOf(report)).toMatch(/^passages 1 to \d+ and paragraphs 1 to 6$/);
    // "32" of a speech of three passages is its paragraph 32, as its citations give it.
    const excerpt = documentOf({ letters }, 'excerpt');
    expect(findPassage(excerpt, 32)).toBe(starting(excerpt, '32. Disarmament'));
    expect(findPassage(excerpt, 3)).toBe(starting(excerpt, '33. We support'));
    expect(numberingOf(excerpt)).toBe('passages 1 to 3 and paragraphs 31 to 33');
  });

  it('quotes a paragraph as its citation names it, as cite does (user trial 24)', () => {
    const report = documentOf({ letters }, 'report');
    const quoted = quotePassage(report, 'para 3', false);
    expect('passage' in quoted && quoted.passage).toBe(starting(report, '3. According'));
    const missing = quotePassage(report, 'para 99', false);
    expect('missing' in missing && missing.missing).toMatch(/^para 99 is not in this report/);
  });
});

describe('citations of a numbered paragraph (user trial 13)', () => {
  it('cite the document’s own paragraph number in every style, not Annex’s passage number', () => {
    const report = documentOf({ letters }, 'report');
    const p = starting(report, '3. According');
    expect(p.n).not.toBe(3);
    expect(formatCitation(report, p)).toBe('A/75/999, 10 August 2020, para. 3');
    expect(formatStyledCitation(report, p, 'un')).toBe(
      'Assistance in mine action (A/75/999), 10 August 2020, para. 3',
    );
    expect(formatStyledCitation(report, p, 'oscola')).toMatch(/UN Doc A\/75\/999, para 3$/);
    expect(formatStyledCitation(report, p, 'bluebook')).toMatch(
      /U\.N\. Doc\. A\/75\/999, ¶ 3 \(Aug\. 10, 2020\)$/,
    );
    const item = starting(report, '(b) That States share');
    expect(CITATION_STYLES.map((s) => formatStyledCitation(report, item, s))).toEqual([
      expect.stringMatching(/, para\. 6 \(b\)$/),
      expect.stringMatching(/, para 6\(b\)$/),
      expect.stringMatching(/, ¶ 6\(b\) \(Aug\. 10, 2020\)$/),
    ]);
  });

  it('`cite` heads them with the passage number `cite` takes and says which number is whose', () => {
    const report = documentOf({ letters }, 'report');
    const p = starting(report, '3. According');
    const text = renderCitationsText(report, p);
    expect(text).toContain(`Passage ${p.n} (para. 3) of this report:`);
    expect(text).toContain(
      `The citations give the report's own paragraph number (para. 3); passage ${p.n} is Annex's numbering.`,
    );
    const heading = starting(report, 'II. Progress');
    expect(renderCitationsText(report, heading)).toContain(
      `passage ${heading.n} (numbered by the Annex bot)`,
    );
  });

  it('`/quote` headings and listed passages give the paragraph number beside the passage number', () => {
    const report = documentOf({ letters }, 'report');
    const p = starting(report, '3. According');
    const quoted = quotePassage(report, p.n, true);
    if ('missing' in quoted) throw new Error(quoted.missing);
    expect(quoted.heading).toBe(`Passage ${p.n} (para. 3 · report)`);
    expect(quoted.around.map((a) => a.heading)).toEqual([
      `Before: passage ${p.n - 1} (report)`,
      `After: passage ${p.n + 1} (para. 4 · report)`,
    ]);
    const result = passageResult(report, p);
    expect(result.paragraph).toBe('para. 3');
    expect(listedWhere(result, report.kind)).toBe(
      `A/75/999, 10 August 2020, report, passage ${p.n} (para. 3)`,
    );
  });
});
