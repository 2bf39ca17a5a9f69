/* global __filename -- defined in the CommonJS bundle this is injected into */
// Injected into the CommonJS bundles (scripts/build.mjs): `import.meta.url` is the bundle's file.
import { pathToFileURL } from 'node:url';

export const import_meta_url = pathToFileURL(__filename).href;
