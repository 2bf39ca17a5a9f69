import { describe, expect, it } from 'vitest';
import { checkDiscordLimits } from '../../src/render/limits.ts';
import { renderReloadReport } from '../../src/render/reload.ts';
import type { IndexInfo } from '../../src/serving/state.ts';

const info: IndexInfo = {
  noun: 'document',
  letters: 40,
  passages: 900,
  from: '2020-01-01',
  to: '2024-01-01',
  builtAt: new Date('2026-11-22T12:00:00Z'),
};

describe('/reload’s report', () => {
  it('names whole files, and says how many more it could not list, never cutting one off', () => {
    const rejected = Array.from(
      { length: 12 },
      (_, i) =>
        `corpus/general-debate-statement-${i}.md:3: front matter: date "next tuesday" is not a date (write 2023-09-19, 2023-09 or 2023)`,
    );
    const reply = renderReloadReport(
      { letters: 40, ms: 120, added: [], changed: [], removed: [], rejected } as never,
      info,
    );
    expect(checkDiscordLimits(reply)).toEqual([]);
    const refused = reply.embeds[0]?.fields?.find((f) => f.name.startsWith('Refused'));
    const lines = refused?.value.split('\n') ?? [];
    const listed = lines.filter((l) => l.startsWith('• '));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(12);
    for (const line of listed) expect(rejected.map((r) => `• ${r}`)).toContain(line);
    expect(lines.at(-1)).toBe(
      `… and ${12 - listed.length} more: \`npm run cli -- validate\` lists every problem`,
    );
  });
});
