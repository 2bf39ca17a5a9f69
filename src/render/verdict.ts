/**
 * The moderators' "Check in letters" reply: the claim quoted verbatim in a document, the closest
 * passages when it is not, or not in the documents, always with what was searched.
 */
import type { Searched } from '../search/answer.ts';
import type { Verdict } from '../search/check.ts';
import { attribution, documentUrl, formatCitation } from '../search/cite.ts';
import type { IndexInfo } from '../serving/state.ts';
import { resultEmbed } from './answer.ts';
import { withArticle } from './count.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip, escapeText } from './markdown.ts';
import { AMBER, footer, GREEN, GREY, type Reply, reply } from './reply.ts';
import { describeSearched } from './wording.ts';

/** "Check in letters": found verbatim, close passages, or not in the letters — plus what was searched. */
export function renderVerdict(
  claim: string,
  verdict: Verdict,
  searched: Searched,
  info: IndexInfo,
): Reply {
  const head = { name: clip(`Claim: ${claim}`, DISCORD_LIMITS.authorName) };
  const scope = `Searched ${describeSearched(searched)}.`;
  const noun = `${searched.noun}s`;
  if (verdict.kind === 'verbatim') {
    const { letter, passage } = verdict;
    return reply({
      ephemeral: true,
      embeds: [
        {
          color: GREEN,
          author: head,
          title: `Quoted verbatim in ${withArticle(letter.kind)}`,
          url: documentUrl(letter) ?? undefined,
          description: `${clip(attribution(letter, passage), 800)} says:\n> ${clip(escapeText(passage.text), 2500)}`,
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
          title: `Not in the ${noun}`,
          description: `No passage states this or anything close to it. ${scope}\n\nThat the ${noun} do not say it does not make it false, only unsupported by them.`,
          footer: footer(info),
        },
      ],
      components: [],
    });
  }
  const embeds = verdict.answer.results.map((r, i) => resultEmbed(r, i + 1, info, false));
  return reply({
    ephemeral: true,
    embeds: [
      {
        color: AMBER,
        author: head,
        title: 'Not quoted verbatim; closest passages',
        description: `The ${noun} do not contain these words as written. The closest passages follow: compare them with the claim. ${scope}`,
      },
      ...embeds,
    ],
    components: [],
  });
}
