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
  // As many whole items as fit in a field, then how many more: never one cut off unnamed.
  const list = (items: string[], more = '') => {
    const max = DISCORD_LIMITS.fieldValue;
    const lines = items.map((i) => clip(`• ${escapeText(i)}`, max - 100));
    let shown = 0;
    let length = 0;
    for (const line of lines) {
      const rest = items.length - shown - 1;
      const tail = rest > 0 ? `\n… and ${rest} more${more}`.length : 0;
      if (length + line.length + 1 + tail > max) break;
      length += line.length + 1;
      shown += 1;
    }
    const left = items.length - shown;
    return (
      [...lines.slice(0, shown), ...(left > 0 ? [`… and ${left} more${more}`] : [])].join('\n') ||
      '—'
    );
  };
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
          {
            name: `Refused (${report.rejected.length})`,
            value: list(report.rejected, ': `npm run cli -- validate` lists every problem'),
          },
        ],
        footer: footer(info),
      },
    ],
    components: [],
  });
}
