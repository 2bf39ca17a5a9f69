/**
 * `check "<claim>"`: the moderators' "Check in letters" in a terminal: quoted verbatim, the
 * closest passages, or not in the documents, as text or JSON.
 */
import { letterIds, verdictJson } from '../render/json.ts';
import { renderVerdictText } from '../render/text.ts';
import { describeScope } from '../search/answer.ts';
import { useKnownConcepts } from '../search/analyze.ts';
import { checkClaim } from '../search/check.ts';
import { noteSkipped, openIndex } from './open.ts';
import type { CliCommand } from './options.ts';
import { SEE_HELP, UsageError } from './usage.ts';

/** `check "<claim>"`: whether the documents state the claim, and where. */
export const checkCommand: CliCommand = async (args, values, config) => {
  const claim = args.join(' ').trim();
  if (!claim) throw new UsageError(`Check what? Give the claim in quotes ${SEE_HELP}`);
  const opened = await openIndex(config, { progress: true });
  useKnownConcepts(opened.index.surfaceWords);
  const verdict = checkClaim(opened.index, claim);
  const searched = describeScope(opened.index);
  console.log(
    values.json
      ? JSON.stringify(verdictJson(claim, verdict, searched, letterIds(opened.index.letters)))
      : renderVerdictText(verdict, searched, process.stdout.isTTY),
  );
  if (!values.json) noteSkipped(opened.corpus.problems);
  return 0;
};
