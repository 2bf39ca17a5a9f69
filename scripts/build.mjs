// Builds what `npm start`, `npm run cli` and the other commands run: each entry point bundled
// with esbuild into dist/, so that starting costs little more than Node's own start-up (no
// TypeScript compiled at start, one file to load). The entry
// points Annex starts are CommonJS (Node loads it faster than many ES modules); the scripts,
// which await at top level, are ES modules. Type checking is `tsc --noEmit` (npm run check).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

/**
 * Packages stay in node_modules, except zod: bundled, only what Annex uses of it is loaded (the
 * whole of zod, its locales included, took a quarter of a CLI call).
 */
const packagesExceptZod = {
  name: 'packages-except-zod',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === 'zod' || args.path.startsWith('zod/') ? undefined : { external: true },
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [packagesExceptZod],
  logLevel: 'warning',
  sourcemap: 'linked',
};

await rm('dist', { recursive: true, force: true });
await build({
  ...common,
  format: 'cjs',
  entryPoints: {
    cli: 'src/cli.ts',
    bot: 'src/bot/main.ts',
    register: 'src/bot/register.ts',
    serve: 'src/http/main.ts',
    'build-worker': 'src/search/build-worker.ts',
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
    bench: 'scripts/bench.ts',
    'bench-run': 'scripts/bench-run.ts',
    'bench-serve': 'scripts/bench-serve.ts',
    load: 'scripts/load.ts',
    'minimal-endpoint': 'scripts/minimal-endpoint.ts',
    'split-stats': 'scripts/split-stats.ts',
    'ungdc-front-matter': 'scripts/ungdc-front-matter.ts',
  },
  outdir: 'dist/scripts',
  outExtension: { '.js': '.mjs' },
});
