// Converts WordNet's irregular forms as `wink-lexicon` ships them (three JavaScript modules of
// 290 KB, one `exceptions.form = base;` statement a form) into one JSON file
// (`dist/wordnet-exceptions.json`), which `src/search/wordnet.ts` reads instead of requiring
// the modules: JSON is parsed in a few milliseconds, where compiling and running the modules
// took a CLI call about a tenth of its time. Layout: `{ "version": "wink-lexicon@…", "lists":
// { "<module path>": { form: base, … }, … } }`; the module paths are wordnet.ts's
// `EXCEPTION_FILES`, and a list missing here, or another installed version, is read from its
// module as before.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The modules of irregular forms that wordnet.ts reads (its `EXCEPTION_FILES`). */
const MODULES = [
  'wink-lexicon/src/wn-noun-exceptions.js',
  'wink-lexicon/src/wn-verb-exceptions.js',
  'wink-lexicon/src/wn-adjective-exceptions.js',
];

const require = createRequire(import.meta.url);

/** Writes `out` from the installed `wink-lexicon`. */
export function buildExceptions(out) {
  const { version } = JSON.parse(
    readFileSync(require.resolve('wink-lexicon/package.json'), 'utf8'),
  );
  const lists = Object.fromEntries(MODULES.map((module) => [module, { ...require(module) }]));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ version: `wink-lexicon@${version}`, lists }));
}
