// The CLI's entry point (dist/cli.cjs): V8's compiled code for the CLI's bundle is kept between
// calls by v8-compile-cache, so a call does not compile the 0.9 MB bundle again (about a tenth of
// a call's own time). The bundle, built from src/cli.ts, is dist/cli-main.cjs beside it.
require('v8-compile-cache');
require('./cli-main.cjs');
