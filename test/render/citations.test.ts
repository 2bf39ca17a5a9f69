import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import { renderCitations } from '../../src/render/discord.ts';
import { renderCitationsText } from '../../src/render/text.ts';
import { NO_LINK_NOTE } from '../../src/render/wording.ts';
import { documentOf, SEED_INFO, tempDir } from '../helpers.ts';

const PRESS = `---
title: Secretary-General Welcomes Agreement on Humanitarian Corridors
date: 2019-08-14
kind: press release
---
SG/SM/19702
14 August 2019

The Secretary-General welcomes the agreement on the opening of three humanitarian corridors.
`;

let letters: Letter[];
beforeAll(async () => {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'press.md'), PRESS);
  await writeFile(
    path.join(dir, 'linked.md'),
    PRESS.replace('kind:', 'url: https://press.un.org/en/2019/sgsm19703.doc.htm\nkind:')
      .replace(/19702/g, '19703')
      .replace('three humanitarian corridors', 'the ceasefire in the valley'),
  );
  await writeFile(
    path.join(dir, 'speech.md'),
    '---\ntitle: Statement by Norway on oceans\ndate: 2019\nkind: speech\n---\nThe ocean is warming.\n',
  );
  letters = (await loadCorpus(dir)).letters;
});

describe('why a citation has no link (user trial 13)', () => {
  it('says a press release is not on undocs.org, rather than that its text has no symbol', () => {
    const press = documentOf({ letters }, 'press');
    expect(press.symbol).toBe('SG/SM/19702');
    const note =
      "SG/SM/19702 is a press release, and undocs.org does not serve press releases, so no link: a `url` in the document's front matter gives one.";
    const text = renderCitationsText(press, press.passages.at(-1) ?? null);
    expect(text).toContain(note);
    expect(text).not.toContain(NO_LINK_NOTE);
    expect(text).toContain('(SG/SM/19702)');
    expect(renderCitations(press, null, SEED_INFO).embeds[0]?.description).toContain(note);
  });

  it('links a press release by its `url`, and says a document without a symbol has none', () => {
    const linked = documentOf({ letters }, 'linked');
    expect(renderCitationsText(linked, null)).toContain(
      'https://press.un.org/en/2019/sgsm19703.doc.htm',
    );
    expect(renderCitationsText(documentOf({ letters }, 'speech'), null)).toContain(NO_LINK_NOTE);
  });
});
