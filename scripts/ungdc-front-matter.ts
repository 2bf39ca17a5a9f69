/**
 * `npm run ungdc-front-matter -- --corpus DIR`: writes YAML front matter into an unpacked copy of
 * the UN General Debate Corpus (`DIR/Session_NN_-_YYYY/<ISO3>_<NN>_<YYYY>.txt`), so that Annex
 * knows each speech's title, year, speaker and kind:
 *
 * ```
 * ---
 * title: Statement by Norway in the general debate of the 52nd session of the General Assembly
 * date: 1997
 * author: Norway
 * kind: speech
 * ---
 * ```
 *
 * Country names come from Debian's `iso-codes` JSON files (`apt-get install iso-codes`): the
 * common name where ISO 3166-1 gives one, else its name; former States (YUG, CSK, SUN, DDR) from
 * ISO 3166-3. Run again, it replaces the front matter it wrote. It changes the files in place:
 * run it on a copy, never on the repository.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatFrontMatter, readFrontMatter } from '../src/corpus/front-matter.ts';
import { readArgs } from './lib/args.ts';

const USAGE = `Usage: npm run ungdc-front-matter -- --corpus DIR [--iso-codes DIR]

Writes front matter (title, date = the year, author = the country, kind: speech) into every
speech of an unpacked UN General Debate Corpus in DIR, in place.
  --corpus DIR      the folder holding Session_NN_-_YYYY/ folders
  --iso-codes DIR   Debian's iso-codes JSON folder (default /usr/share/iso-codes/json)`;
const values = readArgs(USAGE, {
  corpus: { type: 'string' },
  'iso-codes': { type: 'string', default: '/usr/share/iso-codes/json' },
});
if (!values.corpus) {
  console.error(`--corpus is required.\n\n${USAGE}`);
  process.exit(2);
}

/** Codes the corpus uses that no ISO standard has. */
const CORPUS_OWN_CODES: Readonly<Record<string, string>> = { EU: 'European Union' };

interface IsoCountry {
  alpha_3?: string;
  name: string;
  common_name?: string;
  official_name?: string;
}

/**
 * The name people use for a country: ISO's common name; else its name, put in reading order
 * when ISO inverts it ("Congo, The Democratic Republic of the"); a former State's short name
 * ("Yugoslavia, (Socialist) Federal Republic of" → "Yugoslavia").
 */
function commonName(country: IsoCountry, former: boolean): string {
  if (country.common_name) return country.common_name;
  if (!country.name.includes(',')) return country.name;
  if (former) return country.name.split(',')[0]?.trim() ?? country.name;
  if (country.official_name && !country.official_name.includes(',')) return country.official_name;
  const [head = '', tail = ''] = country.name.split(/,\s*/);
  return `${tail.replace(/^The\s+/i, '')} ${head}`.trim();
}

function readIso(file: string, key: string): IsoCountry[] {
  const json = JSON.parse(readFileSync(path.join(values['iso-codes'], file), 'utf8')) as Record<
    string,
    IsoCountry[]
  >;
  return json[key] ?? [];
}

let names: Map<string, string>;
try {
  names = new Map<string, string>(Object.entries(CORPUS_OWN_CODES));
  for (const c of readIso('iso_3166-1.json', '3166-1'))
    if (c.alpha_3) names.set(c.alpha_3, commonName(c, false));
  const current = new Set(names.values());
  for (const c of readIso('iso_3166-3.json', '3166-3')) {
    if (!c.alpha_3 || names.has(c.alpha_3)) continue;
    const short = commonName(c, true);
    // A former State named as a current one ("Yemen, Democratic, …") goes by both words: "Democratic Yemen".
    const [head = '', second = ''] = c.name.split(/,\s*/);
    names.set(c.alpha_3, current.has(short) && second ? `${second} ${head}` : short);
  }
} catch (error) {
  console.error(
    `Cannot read the iso-codes JSON files in ${values['iso-codes']} (${(error as Error).message}): apt-get install -y iso-codes`,
  );
  process.exit(1);
}

/** "1st", "2nd", "3rd", "11th", "52nd". */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const SPEECH_FILE = /^([A-Z]{2,3})_(\d+)_(\d{4})\.txt$/;
let written = 0;
const unknown = new Set<string>();
for (const session of readdirSync(values.corpus).sort()) {
  const folder = path.join(values.corpus, session);
  if (!/^Session_/.test(session)) continue;
  for (const file of readdirSync(folder).sort()) {
    const m = SPEECH_FILE.exec(file);
    if (!m) continue;
    const [, code = '', sessionNumber = '', year = ''] = m;
    const country = names.get(code);
    if (!country) unknown.add(code);
    const author = country ?? code;
    const full = path.join(folder, file);
    const raw = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
    const { data, body } = readFrontMatter(raw.replace(/\r\n?/g, '\n'), full);
    const text = data ? body.replace(/^\n+/, '') : raw;
    const front = formatFrontMatter({
      title: `Statement by ${author} in the general debate of the ${ordinal(Number(sessionNumber))} session of the General Assembly`,
      date: year,
      author,
      kind: 'speech',
    });
    writeFileSync(full, front + text);
    written += 1;
  }
}
console.log(`Wrote front matter into ${written} speeches in ${values.corpus}.`);
if (unknown.size > 0)
  console.log(
    `No country name for: ${[...unknown].sort().join(', ')} (the code is used as the author).`,
  );
