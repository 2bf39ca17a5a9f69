// Builds what `npm start`, `npm run cli` and the other commands run: each entry point bundled
// with esbuild into dist/, so that starting costs little more than Node's own start-up (no
// TypeScript compiled at start, one file to load). The entry
// points Annex starts are CommonJS (Node loads it faster than many ES modules); the scripts,
// which await at top level, are ES modules. Type checking is `tsc --noEmit` (npm run check).
import { build } from 'esbuild';
import { log } from 'node:console';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildExceptions } from './build-exceptions.mjs';
import { buildVectors } from './build-vectors.mjs';

/** The word vectors Annex reads, converted once per installed version (`build-vectors.mjs`). */
const VECTORS = 'vectors.bin';
/** WordNet's irregular forms as JSON (`build-exceptions.mjs`). */
const EXCEPTIONS = 'wordnet-exceptions.json';

/**
 * Packages stay in node_modules, except a few that are bundled:
 * - zod, so that only what Annex uses of it is loaded: Annex imports it as a namespace (`import *
 *   as z from 'zod'`), which esbuild can shake; `import { z }` kept the whole of zod, its 40
 *   locales included, 800 KB of the CLI's 1.2 MB bundle and a quarter of a CLI call;
 * - stopword, whose CommonJS build holds the stop words of 60 languages (240 KB to compile at
 *   every CLI call) where Annex reads only the English ones: its ES module build (package.json's
 *   `module`, which `mainFields` prefers) lets esbuild keep only those;
 * - fmin (`npm run fit`'s optimizer), whose published build is a UMD file Node cannot import as
 *   the ES module its package.json declares;
 * - i18n-iso-countries, whose English names are a JSON file an ES module may import only with an
 *   import attribute esbuild drops for an external one (with diacritics, which it requires).
 */
const BUNDLED = ['zod', 'fmin', 'i18n-iso-countries', 'diacritics', 'stopword'];
const packagesExceptBundled = {
  name: 'packages-except-bundled',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.some((name) => args.path === name || args.path.startsWith(`${name}/`))
        ? undefined
        : { external: true },
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [packagesExceptBundled],
  // A bundled package's ES module build where it has one (stopword), so that what Annex does not
  // import of it is left out. (Packages with `exports`, as zod, are resolved by those.)
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  sourcemap: 'linked',
};

for (const entry of await readdir('dist').catch(() => []))
  if (entry !== VECTORS) await rm(path.join('dist', entry), { recursive: true, force: true });
const started = Date.now();
if (buildVectors(path.join('dist', VECTORS)))
  log(`wrote dist/${VECTORS} (word vectors) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
buildExceptions(path.join('dist', EXCEPTIONS));
await build({
  ...common,
  format: 'cjs',
  entryPoints: {
    cli: 'src/cli.ts',
    bot: 'src/bot/main.ts',
    register: 'src/bot/register.ts',
    serve: 'src/http/main.ts',
    'build-worker': 'src/search/build-worker.ts',
    'corpus-key-worker': 'src/search/corpus-key-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  // CommonJS has no import.meta: the bundle's own file stands in for it.
  inject: ['scripts/lib/import-meta-url.js'],
  define: { 'import.meta.url': 'import_meta_url', 'import.meta.dirname': '__dirname' },
});
await build({
  ...common,
  format: 'esm',
  entryPoints: {
    eval: 'scripts/eval.ts',
    fit: 'scripts/fit.ts',
    bench: 'scripts/bench.ts',
    'bench-run': 'scripts/bench-run.ts',
    'bench-serve': 'scripts/bench-serve.ts',
    load: 'scripts/load.ts',
    'minimal-endpoint': 'scripts/minimal-endpoint.ts',
    'split-stats': 'scripts/split-stats.ts',
    'ungdc-front-matter': 'scripts/ungdc-front-matter.ts',
    // Beside the scripts' bundles too: a script that opens a corpus as a server does
    // (bench-serve) starts it from there.
    'corpus-key-worker': 'src/search/corpus-key-worker.ts',
  },
  outdir: 'dist/scripts',
  outExtension: { '.js': '.mjs' },
});
