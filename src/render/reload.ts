/**
 * `/reload`'s reply, for the moderator who asked: the documents added, changed, removed and
 * refused, and how long the reload took.
 */
import { countDocuments } from '../corpus/schema.ts';
import type { ReloadReport } from '../serving/reload.ts';
import type { IndexInfo } from '../serving/state.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { clip, escapeText } from './markdown.ts';
import { AMBER, footer, GREEN, type Reply, reply } from './reply.ts';

/** What `/reload` changed: added, changed, removed and refused letters. */
export function renderReloadReport(report: ReloadReport, info: IndexInfo): Reply {
  const list = (items: string[]) =>
    clip(items.map((i) => `• ${escapeText(i)}`).join('\n') || '—', DISCORD_LIMITS.fieldValue);
  return reply({
    ephemeral: true,
    embeds: [
      {
        color: report.rejected.length > 0 ? AMBER : GREEN,
        title: `Reloaded: ${countDocuments(report.letters, info.noun)} in ${report.ms} ms`,
        fields: [
          { name: `Added (${report.added.length})`, value: list(report.added) },
          { name: `Changed (${report.changed.length})`, value: list(report.changed) },
          { name: `Removed (${report.removed.length})`, value: list(report.removed) },
          { name: `Refused (${report.rejected.length})`, value: list(report.rejected) },
        ],
        footer: footer(info),
      },
    ],
    components: [],
  });
}
