/**
 * `check "<message>"`: the moderators' "Check in letters" in a terminal: quoted verbatim, the
 * closest passages, or not in the documents, as text or JSON; the message read as that command
 * reads it (the same core function), with the document it cites.
 */
import { tooShortToCheck } from '../render/wording.ts';
import { countDocuments, documentNoun } from '../corpus/schema.ts';
import { letterIds, verdictJson } from '../render/json.ts';
import { renderCitesOnlyText, renderVerdictText } from '../render/text.ts';
import { useKnownConcepts } from '../search/analyze.ts';
import { checkPostedMessage } from '../search/posted-message.ts';
import { noteSkipped, openIndex } from './open.ts';
import type { CliCommand } from './options.ts';
import { SEE_HELP, UsageError } from './usage.ts';

/**
 * `check "<message>"`: whether the documents state the claim, and where. The message is read as
 * Discord shows it, since it is most often pasted from there: its markdown, emoji, mentions and
 * bare links are no words of the claim, and a link to a document or its symbol in brackets
 * ending a line names the one document it is checked against.
 */
export const checkCommand: CliCommand = async (args, values, config) => {
  const content = args.join(' ').trim();
  if (!content) throw new UsageError(`Check what? Give the claim in quotes ${SEE_HELP}`);
  const opened = await openIndex(config, { progress: true });
  const { index } = opened;
  useKnownConcepts(index.surfaceWords);
  // Loaded here, not at start: the markdown parser costs every other CLI command its load time.
  const { displayedText } = await import('../../commands/message-text.ts');
  const checked = checkPostedMessage(index, { content, words: displayedText(content) });
  if (checked.kind === 'noWords')
    throw new UsageError(
      `That message has no words to check (only links, emoji or mentions) ${SEE_HELP}`,
    );
  if (checked.kind === 'tooShort') throw new UsageError(tooShortToCheck(checked.claim));
  const holds = countDocuments(index.letters.length, documentNoun(index.letters));
  if (values.json) console.log(JSON.stringify(verdictJson(checked, letterIds(index.letters))));
  else if (checked.kind === 'citesOnly')
    console.log(renderCitesOnlyText(checked.cites, checked.claim, holds));
  else
    console.log(
      renderVerdictText(
        checked.verdict,
        checked.searched,
        process.stdout.isTTY,
        checked.cites && { link: checked.cites, holds, beyond: checked.beyondCited },
      ),
    );
  if (!values.json) noteSkipped(opened.corpus.problems);
  return 0;
};
