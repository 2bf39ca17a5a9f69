import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.ts';
import { readFrontMatter } from '../../src/corpus/front-matter.ts';

/** The error `readFrontMatter` throws for a file whose front matter is `lines`. */
function errorFor(lines: string): CorpusError {
  try {
    readFrontMatter(`---\n${lines}---\nWe are here.\n`, 'speech.md');
  } catch (error) {
    if (error instanceof CorpusError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('readFrontMatter: YAML mistakes told in plain words, with the line and what to write', () => {
  it('a value with an unquoted colon: put the value in quotes, shown whole (user trial 6)', () => {
    const error = errorFor('title: Statement on demining: a progress report\ndate: 2023-11-27\n');
    expect(error.line).toBe(2);
    expect(error.problem).not.toMatch(/Nested mappings/);
    expect(error.problem).toMatch(/put the value in quotes/);
    expect(error.problem).toContain('title: "Statement on demining: a progress report"');
  });

  it('a value that starts with a character YAML reserves (@, `, %, [, {, *)', () => {
    for (const value of ['@norway', '`draft`', '%age of victims', '[draft] report', '{draft} report', '*important* report']) {
      const error = errorFor(`date: 2023\nauthor: ${value}\n`);
      expect(error.line, value).toBe(3);
      expect(error.problem, value).toMatch(/put the value in quotes/);
      expect(error.problem, value).toContain(`author: ${JSON.stringify(value)}`);
    }
  });

  it('a value YAML would read silently as something else (a comment, a tag, an anchor)', () => {
    for (const value of ['#1 report', '!important', '&x report']) {
      const error = errorFor(`date: 2023\ntitle: ${value}\n`);
      expect(error.line, value).toBe(3);
      expect(error.problem, value).toMatch(/put the value in quotes/);
      expect(error.problem, value).toContain(`title: ${JSON.stringify(value)}`);
    }
  });

  it('quotes inside a quoted value', () => {
    const double = errorFor('title: "Statement by "Norway" on demining"\n');
    expect(double.line).toBe(2);
    expect(double.problem).toMatch(/quote/);
    expect(double.problem).toContain(`title: 'Statement by "Norway" on demining'`);
    const single = errorFor("title: 'Norway's statement'\n");
    expect(single.line).toBe(2);
    expect(single.problem).toContain(`title: "Norway's statement"`);
  });

  it('a quote never closed, a tab, an indented key, a key without its colon, a key twice', () => {
    expect(errorFor('title: "Statement by Norway\ndate: 2023\n').problem).toMatch(/never closed/);
    const tab = errorFor('title: Speech\n\tdate: 2023\n');
    expect(tab).toMatchObject({ line: 3 });
    expect(tab.problem).toMatch(/tab/i);
    const indented = errorFor('title: Speech\n  date: 2023\n');
    expect(indented).toMatchObject({ line: 3 });
    expect(indented.problem).toMatch(/indented/);
    const noColon = errorFor('title Speech by Norway\ndate: 2023\n');
    expect(noColon).toMatchObject({ line: 2 });
    expect(noColon.problem).toMatch(/key: value/);
    // The line as it should be, with its own key (user trial 7: a date was shown as "title: …").
    expect(errorFor('title: Speech\ndate 2023-05-01\n').problem).toContain('(date: 2023-05-01)');
    const twice = errorFor('title: Speech\ntitle: Another\n');
    expect(twice).toMatchObject({ line: 3 });
    expect(twice.problem).toMatch(/title.*twice/);
  });

  it('a misspelt key is told with the bad values, in the order of their lines (user trial 14)', () => {
    const error = errorFor('titel: "Press statement"\ndate: 2026-02-30\nkind: 5\n');
    expect(error.line).toBe(2);
    expect(error.problem).toMatch(
      /^front matter key "titel" is not read: did you mean "title"\?; line 3: date "2026-02-30" is not a date .*; line 4: kind "5" is not a kind/,
    );
  });

  it('none of the YAML library’s own wording reaches the operator for these', () => {
    for (const lines of ['title: a: b\n', 'title: Speech\n  date: 2023\n', 'title Speech\n', 'title: "a "b""\n']) {
      expect(errorFor(lines).problem, lines).not.toMatch(/compact mappings|Implicit keys|Unexpected scalar|node end/);
    }
  });
});

describe('readFrontMatter: where the block stands, and its keys’ case (user trial 34)', () => {
  it('refuses a block after a line of text, naming the line of its "---", as it would be quoted otherwise', () => {
    const raw = '\nSome leading text.\n---\ntitle: "Statement by Testland on health"\ndate: 2025-05-26\n---\nTestland vaccinated 410,000 children.\n';
    expect(() => readFrontMatter(raw, 'late.md')).toThrow(/front matter must open the file: the "---" on line 3 comes after text/);
    // A rule of dashes in a text is no front matter: nothing like "title:" under it.
    const rule = 'A line of text.\n---\nMore text under a rule.\n';
    expect(readFrontMatter(rule, 'rule.md').data).toBeNull();
  });

  it('reads a block under blank lines, its errors at their lines in the file', () => {
    const read = readFrontMatter('\n\n---\ntitle: "Statement"\ndate: 2025\n---\nText.\n', 'blank.md');
    expect(read.data).toEqual({ title: 'Statement', date: '2025' });
    expect(read.body.split('\n')[6]).toBe('Text.');
    expect(() => readFrontMatter('\n\n---\ntitle: a: b\n---\nText.\n', 'blank.md')).toThrow(
      expect.objectContaining({ line: 4 }),
    );
  });

  it('reads a key whatever its case ("Date:", "Title:"), with no warning', () => {
    const read = readFrontMatter('---\nTitle: "Statement"\nDate: 2025-06-01\n---\nText.\n', 'case.md');
    expect(read.data).toEqual({ title: 'Statement', date: '2025-06-01' });
    expect(read.warnings).toEqual([]);
  });
});
