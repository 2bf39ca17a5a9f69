import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project folder: the nearest folder up from this module's that holds a package.json. */
function projectFolder(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

/**
 * Where a file that the build converts from a package's data (`scripts/build.mjs`: the word
 * vectors, WordNet's irregular forms) is: `dist/<name>` in the project folder, found the same
 * from the sources (tests, tsx) as from the bundles in dist/.
 */
export function builtFile(name: string): string {
  return path.join(projectFolder(), 'dist', name);
}
