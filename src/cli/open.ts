/**
 * Opening the corpus for a command: the saved index (built when it is missing or stale, with
 * its progress on stderr), or the documents alone for the commands that need no index; and the
 * note, once, that some files were left out.
 */
import type { CoreConfig } from '../config.ts';
import { count } from '../render/count.ts';
import { assertCorpusFolder, type Corpus, loadCorpus } from '../corpus/load.ts';
import { openCorpus, type OpenCorpus } from '../search/cache.ts';
import { buildProgress } from '../serving/progress.ts';

/**
 * The corpus's index, saved or built, its warnings said on stderr; `progress` shows the build's
 * progress there too.
 */
export async function openIndex(
  config: Pick<CoreConfig, 'corpusDir' | 'indexCacheDir'>,
  { progress }: { progress: boolean },
): Promise<OpenCorpus> {
  const opened = await openCorpus(
    config.corpusDir,
    config.indexCacheDir,
    progress ? { onProgress: buildProgress(process.stderr, (line) => console.error(line)) } : {},
  );
  for (const warning of opened.warnings ?? []) console.error(`Warning: ${warning}`);
  return opened;
}

/** The documents alone, for the commands that read them without searching. */
export async function readCorpus(config: Pick<CoreConfig, 'corpusDir'>): Promise<Corpus> {
  await assertCorpusFolder(config.corpusDir);
  return loadCorpus(config.corpusDir);
}

/** Says once, on stderr, that some corpus files were left out and how to see why. */
export function noteSkipped(problems: readonly unknown[]): void {
  if (problems.length > 0)
    console.error(
      `\n${count(problems.length, 'file')} skipped; run \`npm run cli -- validate\` for details.`,
    );
}
