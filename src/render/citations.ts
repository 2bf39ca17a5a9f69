/**
 * `/cite`'s reply and the "Cite" button's: a document's or a passage's citation in every style
 * (or the one asked for), each in a code block ready to copy.
 */
import type { Letter, Passage } from '../corpus/schema.ts';
import {
  CITATION_STYLES,
  type CitationStyle,
  documentUrl,
  formatStyledCitation,
} from '../search/cite.ts';
import type { IndexInfo } from '../serving/state.ts';
import { questionAuthor } from './asked.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip, escapeText } from './markdown.ts';
import { type Button, footer, GREEN, type Reply, reply, row } from './reply.ts';
import { CITATION_STYLE_NAMES, noLinkNote, passageName, passageNumbersNote } from './wording.ts';

/** The `/cite` reply and the "Cite" button: every style, each in a code block for copying. */
export function renderCitations(
  letter: Letter,
  passage: Passage | null,
  info: IndexInfo,
  options: { style?: CitationStyle; question?: string; back?: Button | null } = {},
): Reply {
  const styles = options.style ? [options.style] : [...CITATION_STYLES];
  const fields = styles.map((s) => ({
    name: CITATION_STYLE_NAMES[s],
    value: clip(
      `\`\`\`\n${formatStyledCitation(letter, passage, s).replace(/`/g, "'")}\n\`\`\``,
      DISCORD_LIMITS.fieldValue,
    ),
  }));
  const link = documentUrl(letter);
  return reply({
    embeds: [
      {
        color: GREEN,
        author: options.question ? questionAuthor(options.question) : undefined,
        title: clip(
          passage
            ? `Cite ${passageName(letter, passage)} of this ${letter.kind}`
            : `Cite this ${letter.kind}`,
          DISCORD_LIMITS.embedTitle,
        ),
        description: `${escapeText(clip(letter.title, 1500))}\n${link ? `<${link}>` : noLinkNote(letter)}${passage ? `\n${passageNumbersNote(letter, passage)}` : ''}`,
        fields,
        footer: footer(info),
      },
    ],
    components: row(options.back ?? null),
  });
}
