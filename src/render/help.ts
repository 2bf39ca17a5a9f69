/**
 * `/help`'s reply: what Annex does and does not do, its commands, how to ask (with questions
 * this corpus answers), and what the index holds.
 */
import { countDocuments } from '../corpus/schema.ts';
import type { IndexInfo } from '../serving/state.ts';
import { count } from './count.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip, escapeText } from './markdown.ts';
import { BLUE, builtAt, footer, type Reply, reply } from './reply.ts';
import { dateSpan, HOW_TO_ADD } from './wording.ts';

/**
 * `/help`: what Annex does and does not do, the commands, and the index, in the corpus's noun;
 * `examples` are questions this corpus answers (`askExamples`), never another corpus's.
 */
export function renderHelp(
  info: IndexInfo,
  commands: readonly { name: string; description: string }[],
  examples: readonly string[] = [],
): Reply {
  const noun = info.noun;
  const span = dateSpan(info);
  const range = span ? `, ${span}` : info.letters === 0 ? '' : ', undated';
  const letters = noun === 'letter';
  return reply({
    ephemeral: true,
    embeds: [
      {
        color: BLUE,
        title: `Annex: answers from the ${noun}s, quoted`,
        description: [
          `Annex answers questions about a set of United Nations ${letters ? 'letters' : 'documents (letters, speeches, statements, reports…)'} **by quoting them verbatim**, each quote with a citation you can check (symbol, date, ${letters ? 'letter' : 'part'} or annex, page, passage, link).`,
          '',
          `**What it does not do:** there is no AI model here. Annex never writes a sentence of its own about the ${noun}s. The quotes are statements of the governments and bodies that wrote them, not facts vouched for by Annex. When no passage answers, it says so.`,
          '',
          `Passage numbers are Annex's own (${letters ? 'UN letters have' : 'UN letters and speeches have'} no numbered paragraphs); pages are given where the text shows them.`,
          '',
          'You can also DM the bot a question, or mention it in a channel. Moderators: right-click a message → Apps → **Check in letters**.',
        ].join('\n'),
        fields: [
          {
            name: 'Commands',
            value: commands
              .map((c) => `\`/${c.name}\` ${c.description}`)
              .join('\n')
              .slice(0, DISCORD_LIMITS.fieldValue),
          },
          {
            name: 'Ask like this',
            value: clip(
              [
                ...examples.map((e) => `• *${escapeText(e)}*`),
                '• an exact phrase: put it in "double quotes"',
                '• narrow it with the `letter`, `from` and `to` options',
              ].join('\n'),
              DISCORD_LIMITS.fieldValue,
            ),
          },
          {
            name: 'Index',
            value: `${countDocuments(info.letters, noun)}, ${count(info.passages, 'passage')}${range}${info.letters === 0 ? `\nNo documents yet: an operator can ${HOW_TO_ADD}.` : ''}\nBuilt ${builtAt(info)} UTC`,
          },
        ],
        footer: footer(info),
      },
    ],
    components: [],
  });
}
