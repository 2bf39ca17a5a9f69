/**
 * Common mistakes in a document's front matter, told in an operator's words with what to write
 * instead: the `yaml` package's own messages ("Nested mappings are not allowed in compact
 * mappings") name the parser's state, not the slip that led to it (a colon in an unquoted title).
 *
 * Each advice that rewrites a line is checked by parsing the front matter again with that line
 * rewritten, so it is offered only when it cures the error; what no rule recognises keeps the
 * library's words, with the usual remedies beside them.
 */
import type * as Yaml from 'yaml';

/** One mistake: the 0-based line of the front matter's text it sits on, and what to do. */
export interface YamlMistake {
  lineIndex: number;
  problem: string;
}

/** A `key: value` line at the top level (no indentation), the value as written. */
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(\S.*?)[ \t]*$/;
/** Characters that YAML keeps for its own use at the start of a plain value. */
const RESERVED_START = /^[@`%|>*&!?\-[\]{},#]/;

/** `value` in double quotes, as YAML reads them (JSON's escapes are YAML's). */
const doubleQuoted = (value: string): string => JSON.stringify(value);
/** `value` in single quotes: an apostrophe inside is written twice. */
const singleQuoted = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** What in a plain (unquoted) value YAML reads as its own syntax; null when nothing is. */
function plainValueReason(value: string): string | null {
  if (/:(?:\s|$)/.test(value)) return 'holds a colon followed by a space, which YAML reads as the start of another "key: value"';
  const first = RESERVED_START.exec(value)?.[0];
  if (first === '#') return 'starts with "#", which YAML reads as the start of a comment (the value would be empty)';
  if (first === '!' || first === '&')
    return `starts with "${first}", which YAML reads as a ${first === '!' ? 'tag' : 'name for the value'}, not as text`;
  if (first !== undefined) return `starts with "${first}", a character YAML keeps for its own use`;
  if (/\s#/.test(value)) return 'holds " #", which YAML reads as the start of a comment';
  return null;
}

/**
 * The line `line` rewritten so that its value is one quoted string, and why it needs to be; null
 * when the line is no `key: value` line or nothing in its value calls for quotes.
 */
function quotedLine(line: string): { fixed: string; advice: string } | null {
  const match = KEY_VALUE.exec(line);
  if (!match) return null;
  const [, key = '', value = ''] = match;
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const other = quote === '"' ? 'single' : 'double';
    const closed = value.length > 1 && value.endsWith(quote);
    const inner = closed ? value.slice(1, -1) : value.slice(1);
    const text = quote === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"');
    if (!closed && inner.includes(quote)) {
      const fixed = `${key}: ${quote === '"' && !value.includes("'") ? singleQuoted(value) : doubleQuoted(value)}`;
      return {
        fixed,
        advice: `the quotes around part of the value of ${key} end it early: quote the whole value: ${fixed}`,
      };
    }
    if (!closed)
      return {
        fixed: `${key}: ${quote}${inner}${quote}`,
        advice: `the value of ${key} opens a quote (${quote}) that is never closed: end the value with ${quote} on the same line`,
      };
    const fixed = `${key}: ${quote === '"' && !text.includes("'") ? singleQuoted(text) : doubleQuoted(text)}`;
    return {
      fixed,
      advice: `the value of ${key} holds its own quote mark (${quote}) inside its quotes, which ends the value early: quote it with ${other} quotes instead: ${fixed}`,
    };
  }
  const reason = plainValueReason(value);
  if (reason === null) return null;
  const fixed = `${key}: ${doubleQuoted(value)}`;
  return { fixed, advice: `the value of ${key} ${reason}: put the value in quotes: ${fixed}` };
}

/** The 0-based lines of `text` on which `yaml` finds an error. */
function errorLines(yaml: typeof Yaml, text: string): number[] {
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return document.errors.map((error) => lineCounter.linePos(error.pos[0]).line - 1);
}

/**
 * The rewrite of one line that cures the error on `errorIndex` (no error left on or before it
 * or the rewritten line), trying the error's own line first: the parser often notices a slip a
 * line or two after it.
 */
function quotingThatCures(yaml: typeof Yaml, lines: string[], errorIndex: number): YamlMistake | null {
  const order = [errorIndex, ...lines.keys()].filter((index, at, all) => all.indexOf(index) === at);
  for (const index of order) {
    const line = lines[index];
    const rewrite = line === undefined ? null : quotedLine(line);
    if (!rewrite) continue;
    const text = lines.map((each, at) => (at === index ? rewrite.fixed : each)).join('\n');
    const limit = Math.max(index, errorIndex);
    if (errorLines(yaml, text).every((at) => at > limit)) return { lineIndex: index, problem: rewrite.advice };
  }
  return null;
}

/**
 * What an operator should do about `error`, the first error `yaml` found in `text` (a front
 * matter block's lines, without its `---` lines), at 0-based line `errorIndex`.
 */
export function explainYamlError(
  yaml: typeof Yaml,
  text: string,
  error: Yaml.YAMLError,
  errorIndex: number,
): YamlMistake {
  const lines = text.split('\n');
  if (error.code === 'TAB_AS_INDENT') {
    const tabbed = lines.findIndex((line) => /^[ \t]*\t/.test(line));
    return {
      lineIndex: tabbed >= 0 ? tabbed : errorIndex,
      problem: 'this line starts with a tab, which YAML does not allow: start each "key: value" line at the beginning of its line',
    };
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = KEY_VALUE.exec(lines[errorIndex] ?? '')?.[1] ?? /^([^:\s]+)\s*:/.exec(lines[errorIndex] ?? '')?.[1];
    const first = key === undefined ? -1 : lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
    return {
      lineIndex: errorIndex,
      problem: `${key ?? 'a key'} is given twice${first >= 0 && first !== errorIndex ? ` (first on line ${first + 2})` : ''}: keep one`,
    };
  }
  const own = quotedLine(lines[errorIndex] ?? '');
  const cure = quotingThatCures(yaml, lines, errorIndex);
  if (cure && (cure.lineIndex === errorIndex || !own)) return cure;
  const noColon = lines.findIndex((line) => /^[^\s#\-:][^:]*$/.test(line));
  if (noColon >= 0 && noColon <= errorIndex + 1) {
    // The line as it should be: its first word as the key ("date 2023-05-01" → "date: 2023-05-01").
    const [key = 'title', ...value] = (lines[noColon] ?? '').trim().split(/\s+/);
    return {
      lineIndex: noColon,
      problem: `this line is not a "key: value" line: write the key, a colon and a space, then the value (${key}: ${value.join(' ') || '…'})`,
    };
  }
  const indented = lines.findIndex((line, at) => /^[ \t]+\S/.test(line) && KEY_VALUE.test(lines[at - 1] ?? ''));
  if (indented >= 0)
    return {
      lineIndex: indented,
      problem: 'this line is indented: start each "key: value" line at the beginning of its line (a value that goes on to a second line needs quotes)',
    };
  if (cure) return cure;
  return {
    lineIndex: errorIndex,
    problem: `${error.message.split('\n')[0] ?? 'not valid YAML'} (each line should read key: value; a value holding a colon, a # or quote marks needs quotes around it: title: "…")`,
  };
}

/**
 * A known key's value that parses but not as the text written: after `#` YAML reads a comment
 * (the value is empty), `!` a tag and `&` a name for the value, all silently. The operator meant
 * text; null when no line of `text` does this.
 */
export function silentMisreading(text: string, keys: readonly string[]): YamlMistake | null {
  const lines = text.split('\n');
  for (const [lineIndex, line] of lines.entries()) {
    const match = KEY_VALUE.exec(line);
    if (!match || !keys.includes(match[1] ?? '') || !/^[#!&]/.test(match[2] ?? '')) continue;
    const rewrite = quotedLine(line);
    if (rewrite) return { lineIndex, problem: rewrite.advice };
  }
  return null;
}
