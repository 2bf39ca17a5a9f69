/**
 * The moderators' "Check in letters" reply: the claim quoted verbatim in a document, the closest
 * passages when it is not, or not in the documents, always with what was searched.
 */
import { countDocuments } from '../corpus/schema.ts';
import type { Searched } from '../search/answer.ts';
import type { Verdict } from '../search/check.ts';
import type { LinkedDocument } from '../search/posted-message.ts';
import { documentUrl, formatCitation, speaker } from '../search/cite.ts';
import type { IndexInfo } from '../serving/state.ts';
import { fittedResultEmbeds, WHOLE_PASSAGE_HINT } from './answer.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { blockQuote, clip, escapeText, markQuote, oneLine } from './markdown.ts';
import {
  AMBER,
  type Embed,
  embedSize,
  footer,
  GREEN,
  GREY,
  MESSAGE_BUDGET,
  type Reply,
  reply,
} from './reply.ts';
import {
  linkedNote,
  notAsWritten,
  notInCitedNote,
  figureLines,
  pieceLines,
  searchedSentence,
  unsupportedNote,
  verdictHeading,
} from './wording.ts';

/** Room for the heading's lines on the claim's sentences, so the passages still fit beside it. */
const PIECES_BUDGET = 1500;

/**
 * "Check in letters": found verbatim, close passages, or not in the letters — plus what was
 * searched, and the document the message cites (`link`; `beyondCited`: it holds no sentence of
 * the claim, and the verdict is of every document, `MessageCheck`'s).
 */
export function renderVerdict(
  claim: string,
  verdict: Verdict,
  searched: Searched,
  info: IndexInfo,
  link: LinkedDocument | null = null,
  beyondCited = false,
): Reply {
  const head = { name: clip(`Claim: ${oneLine(claim)}`, DISCORD_LIMITS.authorName) };
  // The document the message links to, first: whether the index holds it, what was checked; or
  // (`beyondCited`) that it holds no sentence of the claim, and which passage does.
  const holds = countDocuments(info.letters, info.noun);
  const linked = link
    ? `${escapeText(beyondCited ? notInCitedNote(link, verdict, holds) : linkedNote(link, holds))}\n\n`
    : '';
  const scope = searchedSentence(searched);
  const noun = `${searched.noun}s`;
  const title = verdictHeading(verdict, noun);
  if (verdict.kind === 'verbatim') {
    const { letter, passage, span } = verdict;
    return reply({
      ephemeral: true,
      embeds: [
        {
          color: GREEN,
          author: head,
          title,
          url: documentUrl(letter) ?? undefined,
          description: `${linked}${clip(speaker(letter, passage), 800)} says:\n${blockQuote(clip(markQuote(passage.text, span ? [span] : []), 2500))}`,
          fields: [
            {
              name: 'Citation',
              value: clip(formatCitation(letter, passage), DISCORD_LIMITS.fieldValue),
            },
          ],
          footer: { text: `${scope} ${footer(info, false).text}` },
        },
      ],
      components: [],
    });
  }
  if (verdict.kind === 'absent') {
    return reply({
      ephemeral: true,
      embeds: [
        {
          color: GREY,
          author: head,
          title,
          description: `${linked}No passage states this or anything close to it. ${scope}\n\n${unsupportedNote(noun)}`,
          footer: footer(info),
        },
      ],
      components: [],
    });
  }
  const heading: Embed = {
    color: AMBER,
    author: head,
    title,
    description: clip(
      [
        `${linked}${notAsWritten(noun, verdict)}. The closest passages follow: compare them with the claim. ${scope}`,
        ...pieceLines(verdict.pieces, verdict.answer.results, escapeText),
        ...figureLines(
          verdict.figures ?? [],
          verdict.answer.results,
          escapeText,
          beyondCited ? null : link,
        ),
      ].join('\n'),
      PIECES_BUDGET,
    ),
  };
  // One message holds the heading and every passage: the moderator sees them together.
  const embeds = fittedResultEmbeds(
    verdict.answer.results,
    1,
    info,
    MESSAGE_BUDGET - embedSize(heading),
    {
      footerOnLast: false,
      hint: WHOLE_PASSAGE_HINT.quote,
    },
  );
  return reply({ ephemeral: true, embeds: [heading, ...embeds], components: [] });
}
