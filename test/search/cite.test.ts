import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Letter } from '../../src/corpus/schema.ts';
import {
  attribution,
  authorAsTitled,
  CITATION_STYLES,
  formatStyledCitation,
  kindAndAuthor,
  speaker,
} from '../../src/search/cite.ts';
import { documentUrl, formatCitation } from '../../src/search/index.ts';
import { CORPUS_DIR, documentOf, documentsOf, NOTE_AS_SENT, SEED, tempDir } from '../helpers.ts';

let letters: Letter[];
beforeAll(async () => {
  letters = (await loadCorpus(CORPUS_DIR)).letters;
});
const letter = (id: string) => letters.find((l) => l.id === id) as Letter;

describe('formatCitation', () => {
  it('cites a letter with a symbol: symbol, date, part, pages, our passage number', () => {
    const l = letter(SEED.lachin);
    const spanning = l.passages.find((p) => p.pages.length === 2);
    expect(spanning && formatCitation(l, spanning)).toBe(
      'A/76/930-S/2022/642, 24 August 2022, annex, pp. 2–3, passage 11 (numbered by the Annex bot)',
    );
    const first = l.passages[0];
    expect(first && formatCitation(l, first)).toBe(
      'A/76/930-S/2022/642, 24 August 2022, letter, passage 1 (numbered by the Annex bot)',
    );
  });

  it('names the main part of a note verbale "note verbale", as its heading does, not "letter"', () => {
    const l = letter(SEED.hrcNote);
    const p = l.passages.find((q) => q.part === 'letter');
    expect(p && formatCitation(l, p)).toBe(
      'Note verbale dated 5 April 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights, note verbale, passage 1 (numbered by the Annex bot)',
    );
  });

  it('cites a letter without a symbol by its title, never inventing one', () => {
    const l = letter(SEED.awarenessDay2024);
    const p = l.passages[3];
    expect(p && formatCitation(l, p)).toBe(
      'Letter dated 4 April 2024 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General, annex, passage 4 (numbered by the Annex bot)',
    );
  });
});

describe('formatStyledCitation', () => {
  it('pins a letter’s passage whose page the text does not show by its passage number, in every style', () => {
    const l = letter(SEED.hrcNote);
    const p = l.passages.find((q) => q.part === 'annex' && q.pages.length === 0);
    expect(p).toBeDefined();
    for (const style of CITATION_STYLES) {
      expect(formatStyledCitation(l, p ?? null, style)).toContain(
        `annex, passage ${p?.n} (numbered by the Annex bot)`,
      );
    }
  });

  it('pins a passage whose page is shown by its page, as before', () => {
    const l = letter(SEED.lachin);
    const p = l.passages.find((q) => q.pages.length === 1 && q.part === 'annex');
    expect(p && formatStyledCitation(l, p, 'un')).toMatch(/, annex, p\. \d+$/);
  });
});

describe('citing a document that only its file names, and a resolution (user trial 17)', () => {
  it('cites a note verbale as its mission sent it by its kind, author and date in every command and style, never by its file name', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, NOTE_AS_SENT.file), NOTE_AS_SENT.text);
    const note = documentOf(await loadCorpus(dir), 'testland-candidature');
    const passage = note.passages[1] as Letter['passages'][number];
    expect(note.kind).toBe('note verbale');
    expect(formatCitation(note, passage)).toBe(
      // Its only part is the note itself: its kind is not said twice (user trial 19).
      'Note verbale by Republic of Testland, 3 June 2025, passage 2 (numbered by the Annex bot)',
    );
    expect(formatStyledCitation(note, passage, 'un')).toBe(
      'Note verbale by Republic of Testland, 3 June 2025, passage 2 (numbered by the Annex bot)',
    );
    for (const style of CITATION_STYLES)
      expect(formatStyledCitation(note, passage, style)).not.toContain('testland-candidature');
  });

  it('dates a resolution by its adoption in every style', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'a-res-90-12.txt'),
      [
        'United Nations A/RES/90/12',
        'General Assembly\nDistr.: General\n20 December 2035',
        'Resolution adopted by the General Assembly on 17 December 2035',
        '90/12. International Year of Inland Fisheries, 2037',
        'The General Assembly,',
        '1. Decides to proclaim 2037 the International Year of Inland Fisheries;',
        'Adopted by a recorded vote of 104 to 9, with 38 abstentions, as follows:',
        'In favour: Albania, Andorra, Argentina.',
      ].join('\n\n'),
    );
    const resolution = documentOf(await loadCorpus(dir), 'a-res-90-12');
    const passage = resolution.passages.find((p) =>
      p.text.startsWith('1. Decides'),
    ) as Letter['passages'][number];
    // The record of its vote is no words of the General Assembly's (user trial 31).
    const vote = resolution.passages.filter((p) => /^(?:Adopted|In favour)/.test(p.text));
    expect(vote.map((p) => speaker(resolution, p))).toEqual([
      'The record of the vote',
      'The record of the vote',
    ]);
    expect(formatStyledCitation(resolution, passage, 'un')).toContain('17 December 2035');
    expect(formatStyledCitation(resolution, passage, 'oscola')).toContain('(17 December 2035)');
    expect(formatStyledCitation(resolution, passage, 'bluebook')).toContain('(Dec. 17, 2035)');
    // Its title is no one speaking: its author says it (user trial 19: "90/12. International
    // Year of Inland Fisheries, 2037 says:").
    expect(resolution.author).toBe('General Assembly');
    expect(speaker(resolution, passage)).toBe('The General Assembly');
  });
});

describe('documentUrl', () => {
  it('links the first symbol, or nothing', () => {
    expect(documentUrl(letter(SEED.khojavand))).toBe('https://undocs.org/en/A/78/368');
    expect(documentUrl(letter(SEED.hrcNote))).toBeNull();
  });

  it('links no press release to undocs.org, whatever symbol it was given (user trial 32)', () => {
    const release = { symbols: ['HRC/26/14'], kind: 'press release' };
    expect(documentUrl(release)).toBeNull();
    expect(documentUrl({ ...release, url: 'https://www.ungeneva.org/en/news-media/hrc' })).toBe(
      'https://www.ungeneva.org/en/news-media/hrc',
    );
  });

  it('reads a symbol of one part of figures at the top of a text, and links no press release to undocs.org', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'press.txt'),
      'SC/16214\n21 October 2026\n\nSecurity Council\n10,238th Meeting (AM)\n\nCouncil Hears Briefing on the Plateau\n\nThe Council heard a briefing today on the situation in the Plateau, as members divided over sanctions.\n',
    );
    await writeFile(
      path.join(dir, 'old.txt'),
      'United Nations A/4879\n\nGeneral Assembly Distr.: General\n15 September 1961\n\nReport on the situation in the Territory\n\nThe Committee met twice during the period and heard the petitioners from the Territory.\n',
    );
    const corpus = await loadCorpus(dir);
    const press = documentOf(corpus, 'press');
    expect(press.symbol).toBe('SC/16214');
    expect(formatCitation(press, press.passages.at(-1) as Letter['passages'][number])).toMatch(
      /^SC\/16214, 21 October 2026/,
    );
    expect(documentUrl(press)).toBeNull();
    const old = documentOf(corpus, 'old');
    expect(old.symbol).toBe('A/4879');
    expect(documentUrl(old)).toBe('https://undocs.org/en/A/4879');
  });
});

describe('attribution', () => {
  it('names a document titled only by its file name by its kind and author, or its symbol, not by the file name', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, '2023-08-01-a-78-259.txt'),
      '---\nsymbol: A/78/259\nauthor: Secretary-General\nkind: report\n---\nMine action saves lives.\n',
    );
    await writeFile(
      path.join(dir, '2024-03-12-sg-sm-22150.txt'),
      '---\nsymbol: SG/SM/22150\n---\nThe Secretary-General welcomes the ratification.\n',
    );
    const corpus = await loadCorpus(dir);
    const said = (id: string) => {
      const l = documentOf(corpus, id);
      return attribution(l, l.passages[0] as Letter['passages'][number]);
    };
    expect(said('2023-08-01-a-78-259')).toBe('Report by Secretary-General');
    expect(said('2024-03-12-sg-sm-22150')).toBe('SG/SM/22150');
  });
});

describe('authorAsTitled (user trial 10)', () => {
  it('gives the author "the" where the document’s own title puts it before the name', () => {
    const of = (author: string | null, title: string) =>
      authorAsTitled({ author, title } as Pick<Letter, 'author' | 'title'>);
    expect(
      of(
        'United States',
        'Statement by the United States in the general debate of the 56th session of the General Assembly',
      ),
    ).toBe('the United States');
    expect(
      of('Secretary-General', 'Report of the Secretary-General on the work of the Organization'),
    ).toBe('the Secretary-General');
    expect(of('Norway', 'Statement by Norway in the general debate')).toBe('Norway');
    expect(of('the State of Palestine', 'Statement by the State of Palestine')).toBe(
      'the State of Palestine',
    );
    expect(of(null, 'Statement on drought')).toBeNull();
  });

  it('so a quote of the United States’ speech reads "The United States says", as its title writes the name', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'united-states-2001.md'),
      '---\ntitle: "Statement by the United States in the general debate of the 56th session of the General Assembly"\ndate: 2001\nauthor: "United States"\nkind: speech\n---\nMr. President, we meet in a city that was attacked on 11 September.\n',
    );
    const [speech] = (await loadCorpus(dir)).letters;
    const passage = speech?.passages[0];
    expect(speech && passage && speaker(speech, passage)).toBe('The United States');
  });

  it('a State of the past speaks without an article, as States do ("Yugoslavia says", user trial 20)', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'YUG_42_1987.txt'),
      '---\ntitle: "Statement by Yugoslavia in the general debate of the 42nd session of the General Assembly"\ndate: 1987\nauthor: "Yugoslavia"\nkind: speech\n---\nThe non-aligned countries meet in a difficult year.\n',
    );
    const [speech] = (await loadCorpus(dir)).letters;
    const passage = speech?.passages[0];
    expect(speech && passage && speaker(speech, passage)).toBe('Yugoslavia');
  });

  it('a speech with a symbol, whose citation the symbol leads, is still its author’s ("Norway says", user trial 23)', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'norway-2025.md'),
      '---\ntitle: "Statement by Norway in the general debate of the eightieth session of the General Assembly"\nsymbol: A/80/PV.5\ndate: 2025-09-24\nauthor: "Norway"\nkind: speech\n---\nNorway currently deploys 60 police officers to United Nations peace operations.\n',
    );
    const [speech] = (await loadCorpus(dir)).letters;
    const passage = speech?.passages[0];
    expect(speech && passage && speaker(speech, passage)).toBe('Norway');
  });

  it('a press release with no author is said by its kind, not by its headline (user trial 26)', async () => {
    const [release] = await documentsOf({
      'release.md':
        '---\ntitle: "With Tervi Plateau Appeal Only 19 Per Cent Funded, Senior Humanitarian Official Warns Council"\nsymbol: SC/16214\nkind: press release\ndate: 2026-10-21\n---\nThe representative of Morvania said half a million people had fled.\n',
    });
    const passage = release?.passages[0];
    if (!release || !passage) throw new Error('the release did not load');
    expect(speaker(release, passage)).toBe('The press release');
  });

  it('a document that nothing names but its file name is said by its kind, never by the file name (user trial 13)', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'fishery-notes.txt'),
      'The coastal villages depend on small-scale fishing.\n\nThe catch of sardine has fallen by half since 2015.\n',
    );
    const [notes] = (await loadCorpus(dir)).letters;
    const passage = notes?.passages[1];
    if (!notes || !passage) throw new Error('the notes did not load');
    expect(speaker(notes, passage)).toBe('The document');
    // Its citation still names it, by the only name it has.
    expect(formatCitation(notes, passage)).toBe(
      'fishery-notes, date unknown, passage 2 (numbered by the Annex bot)',
    );
  });
});

describe('kindAndAuthor: who a document is by, as a list shows it (user trial 23)', () => {
  it('names an office with its article whatever its title, a State without, a letter by its State', async () => {
    const docs = await documentsOf({
      'press.md':
        '---\ntitle: "Secretary-General Condemns Attack on Peacekeepers"\nauthor: Secretary-General\nkind: press release\ndate: 2025-07-02\n---\nThe Secretary-General condemns the attack.\n',
      'report.md':
        '---\ntitle: "Safety of humanitarian personnel: Report of the Secretary-General"\nauthor: Secretary-General\nkind: report\ndate: 2025-08-08\n---\n1. The present report is submitted pursuant to resolution 79/138.\n',
      'speech.md':
        '---\ntitle: "Statement by Testland in the general debate"\nauthor: Testland\nkind: speech\ndate: 2025\n---\nTestland thanks the President.\n',
    });
    const by = (id: string) => kindAndAuthor(docs.find((d) => d.id === id) as Letter);
    // Before: "press release by Secretary-General" beside "report by the Secretary-General".
    expect(by('press')).toBe('press release by the Secretary-General');
    expect(by('report')).toBe('report by the Secretary-General');
    expect(by('speech')).toBe('speech by Testland');
    // Two States and nothing else, without an article (user trial 27: "by the Almoria and Vessland").
    const [joint] = await documentsOf({
      'joint.md':
        '---\ntitle: "Joint communiqué following the talks between the Republic of Almoria and the Kingdom of Vessland"\nauthor: "Almoria and Vessland"\nkind: joint communiqué\ndate: 2025-11-21\n---\nThe two Governments will study a power line.\n',
    });
    expect(joint && kindAndAuthor(joint)).toBe('joint communiqué by Almoria and Vessland');
    expect(kindAndAuthor(documentOf({ letters }, SEED.khojavand))).toBe('letter from Azerbaijan');
  });

  it('names a State no list has as the sender writes it (user trial 24: "letter" alone)', async () => {
    const heading = (sender: string) =>
      `Letter dated 2 December 2025 from the ${sender} to the United Nations addressed to the Secretary-General\n\nThe locusts have reached the border.\n\n(Signed) Mara Tolven\n`;
    const [kethara, norvana, committee] = await documentsOf({
      'a.txt': heading('Permanent Representative of the Republic of Kethara'),
      'b.txt': heading(
        "Chargé d'affaires a.i. of the Permanent Mission of the Republic of Norvana",
      ),
      'c.txt': heading(
        'Chair of the Security Council Committee established pursuant to resolution 2779 (2025) concerning Ondara',
      ).replace(' to the United Nations', ''),
    });
    expect(kethara && kindAndAuthor(kethara)).toBe('letter from the Republic of Kethara');
    expect(norvana && kindAndAuthor(norvana)).toBe('letter from the Republic of Norvana');
    // A body's name ends where its words in lower case begin; before: "letter from the Security
    // Council Committee established pursuant", cut at "to resolution" (user trial 25).
    expect(committee && kindAndAuthor(committee)).toBe(
      'letter from the Security Council Committee',
    );
  });
});

describe('a press release cited as one (user trial 26)', () => {
  it('names the organ and "U.N. Press Release", not "U.N. Doc.", in Bluebook and OSCOLA', async () => {
    const [release] = await documentsOf({
      'release.md':
        '---\ntitle: "Council Hears Briefing on Food Pipeline"\nsymbol: SC/16214\nkind: press release\ndate: 2026-10-21\n---\nThe representative of Morvania said half a million people had fled.\n',
    });
    if (!release) throw new Error('the release did not load');
    expect(formatStyledCitation(release, null, 'bluebook')).toBe(
      'Press Release, Security Council, Council Hears Briefing on Food Pipeline, U.N. Press Release SC/16214 (Oct. 21, 2026)',
    );
    expect(formatStyledCitation(release, null, 'oscola')).toBe(
      "UN Security Council, 'Council Hears Briefing on Food Pipeline' (Press Release SC/16214, 21 October 2026)",
    );
  });
});

describe('a resolution cited by its organ and number (user trial 23)', () => {
  it('reads "G.A. Res. 79/244" in Bluebook and "UNGA Res 79/244" in OSCOLA, not its title', async () => {
    const [ga, sc] = await documentsOf({
      'a.md':
        '---\ntitle: "79/244. International Day of Sea Turtle Conservation"\nsymbol: A/RES/79/244\nauthor: General Assembly\ndate: 2024-12-19\nkind: resolution\n---\n1. Decides to proclaim 16 June the International Day of Sea Turtle Conservation;\n',
      'b.md':
        '---\ntitle: Resolution 2841 (2026)\nsymbol: S/RES/2841 (2026)\ndate: 2026-01-28\nkind: resolution\n---\n1. Decides to extend the mandate of the Mission until 31 January 2027;\n',
    });
    if (!ga || !sc) throw new Error('the resolutions did not load');
    // Before: "79/244. International Day of Sea Turtle Conservation, U.N. Doc. A/RES/79/244 …".
    expect(formatStyledCitation(ga, null, 'bluebook')).toBe(
      'G.A. Res. 79/244, U.N. Doc. A/RES/79/244 (Dec. 19, 2024)',
    );
    expect(formatStyledCitation(ga, null, 'oscola')).toBe(
      'UNGA Res 79/244 (19 December 2024) UN Doc A/RES/79/244',
    );
    expect(formatStyledCitation(sc, null, 'bluebook')).toBe(
      'S.C. Res. 2841, U.N. Doc. S/RES/2841 (2026) (Jan. 28, 2026)',
    );
  });
  it("reads a Human Rights Council resolution as the Council's, not the General Assembly's (user trial 29)", async () => {
    const [hrc] = await documentsOf({
      'hrc.md':
        '---\ntitle: "58/14. Situation of human rights in the Varne Valley"\nsymbol: A/HRC/RES/58/14\ndate: 2025-04-04\nkind: resolution\n---\n6. Decides to establish a commission of inquiry;\n',
    });
    if (!hrc) throw new Error('the resolution did not load');
    // Before: "UNGA '58/14. Situation of human rights …' (4 April 2025) UN Doc A/HRC/RES/58/14".
    expect(formatStyledCitation(hrc, null, 'bluebook')).toBe(
      'Human Rights Council Res. 58/14, U.N. Doc. A/HRC/RES/58/14 (Apr. 4, 2025)',
    );
    expect(formatStyledCitation(hrc, null, 'oscola')).toBe(
      'HRC Res 58/14 (4 April 2025) UN Doc A/HRC/RES/58/14',
    );
  });
});
