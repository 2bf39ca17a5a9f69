import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { addLetter } from '../../src/corpus/add.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { tempDir } from '../helpers.ts';

/** Renders a PDF with pdfkit (a real PDF writer) and returns its bytes. */
function pdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

const HEADING =
  'Letter dated 2 March 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General';
/** One sentence long enough to run from page 2 onto page 3. */
const LONG = `The mines found in the northern districts, ${Array.from({ length: 60 }, (_, i) => `in the village numbered ${i + 1} near the river crossing`).join(', ')}, were all cleared by the national agency.`;

const letterPdf = () =>
  pdf((doc) => {
    doc.fontSize(11);
    for (const line of ['United Nations A/80/123-S/2025/456', 'Distr.: General 3 March 2025', 'General Assembly Eightieth session', 'Agenda item 12']) {
      doc.text(line).moveDown();
    }
    doc.text(HEADING).moveDown();
    doc.text('I have the honour to transmit herewith a statement on mine clearance in Testland (see annex).').moveDown();
    doc.text('I should be grateful if you would have the present letter and its annex circulated as a document of the General Assembly, under agenda item 12.').moveDown();
    doc.text('(Signed) Jane Doe Ambassador Permanent Representative');
    doc.addPage();
    doc.text(`Annex to the letter dated 2 March 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General`).moveDown();
    doc.text('Statement on mine clearance in Testland').moveDown();
    doc.text('Since January 2025, 48 deminers have cleared 1,250 hectares of land.').moveDown();
    for (let i = 0; i < 14; i++) doc.text(`Paragraph ${i + 1} of the statement records the work of team ${i + 1} in the field.`).moveDown();
    doc.text(LONG).moveDown();
    doc.text('The work continues.');
  });

async function corpusFiles(dir: string) {
  return (await readdir(dir)).sort();
}

describe('addLetter with a PDF', () => {
  it('reads masthead, cover letter, annex from page 2 and a paragraph across pages 2 and 3, with real page numbers', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'N2512345.pdf');
    await writeFile(source, await letterPdf());
    const { letter, written, missing } = await addLetter(source, dir);
    expect(letter).toMatchObject({
      id: '2025-03-02-a-80-123-s-2025-456',
      symbol: 'A/80/123-S/2025/456',
      date: '2025-03-02',
      distributed: '2025-03-03',
      sender: 'Permanent Representative of Testland to the United Nations',
      signatories: [{ name: 'Jane Doe', title: 'Ambassador Permanent Representative' }],
      agendaItems: ['12'],
      annexes: [{ title: 'Statement on mine clearance in Testland', date: null }],
    });
    const [first, second, signature, ...annex] = letter.passages;
    expect([first?.part, first?.pages, second?.pages]).toEqual(['letter', [1], [1]]);
    expect(signature).toMatchObject({ part: 'letter', pages: [1], text: '(Signed) Jane Doe Ambassador Permanent Representative' });
    expect(annex[0]).toMatchObject({ part: 'annex', pages: [2], text: 'Since January 2025, 48 deminers have cleared 1,250 hectares of land.' });
    // A paragraph too long to quote whole is quoted in pieces, each on the pages it stands on.
    const pieces = annex.filter((p) => LONG.includes(p.text));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.text).join(' ')).toBe(LONG);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(1500);
    expect(pieces[0]?.pages).toEqual([2]);
    expect(pieces.at(-1)?.pages).toEqual([3]);
    expect(pieces.some((p) => p.pages.join() === '2,3')).toBe(true);
    expect(annex.at(-1)).toMatchObject({ text: 'The work continues.', pages: [3] });
    expect(written).toEqual([path.join(dir, `${letter.id}.txt`)]);
    // Said so a newcomer knows what it is: no UN jargon unexplained.
    expect(missing).toEqual(['the UN job number (the "24-12345" printed in page footers)']);
    const { letters, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(letters[0]?.passages).toEqual(letter.passages);
  });

  it('refuses a duplicate, naming the letter already there, and changes nothing', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'letter.pdf');
    await writeFile(source, await letterPdf());
    await addLetter(source, dir);
    const before = await corpusFiles(dir);
    await expect(addLetter(source, dir)).rejects.toThrow(/duplicate: same symbol A\/80\/123-S\/2025\/456 as .*2025-03-02-a-80-123-s-2025-456/);
    expect(await corpusFiles(dir)).toEqual(before);
  });

  it('refuses a document whose id a file of another ending already has, saying what to do', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'letter.pdf');
    await writeFile(source, await letterPdf());
    const taken = '2025-03-02-a-80-123-s-2025-456.md';
    await writeFile(path.join(dir, taken), 'not a letter Annex can read');
    await expect(addLetter(source, dir)).rejects.toThrow(
      new RegExp(`letter\\.pdf: would be 2025-03-02-a-80-123-s-2025-456\\.txt, but .*${taken} already has the id .*: rename or move that file`),
    );
    expect(await corpusFiles(dir)).toEqual([taken]);
  });

  it('refuses a scanned PDF (no text layer) with a clear message', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'scan.pdf');
    await writeFile(source, await pdf((doc) => doc.rect(72, 72, 300, 400).fill('#999999')));
    await expect(addLetter(source, dir)).rejects.toThrow(/scan\.pdf: the PDF has no text layer \(a scan\?\)/);
    expect(await corpusFiles(dir)).toEqual([]);
  });

  it('refuses an encrypted PDF with a clear message', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'locked.pdf');
    await writeFile(source, await pdf((doc) => doc.text(HEADING), { userPassword: 'secret', pdfVersion: '1.7' }));
    await expect(addLetter(source, dir)).rejects.toThrow(/locked\.pdf: the PDF is encrypted/);
    expect(await corpusFiles(dir)).toEqual([]);
  });

  it('refuses a corrupt PDF with a clear message', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'broken.pdf');
    const good = await letterPdf();
    await writeFile(source, Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.from(good.subarray(200, 400)).fill(7)]));
    await expect(addLetter(source, dir)).rejects.toThrow(/broken\.pdf: not a readable PDF/);
    expect(await corpusFiles(dir)).toEqual([]);
  });

  it('adds a text letter with a symbol the text lacks, in its front matter', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'plain.txt');
    await writeFile(source, `${HEADING}\n\nA short letter about mines.\n`);
    const { letter, written } = await addLetter(source, dir, { symbol: 'A/80/999' });
    expect(letter).toMatchObject({ symbol: 'A/80/999', symbolSource: 'front matter', kind: 'letter' });
    expect(written.map((f) => path.basename(f))).toEqual([`${letter.id}.txt`]);
    expect(await readFile(written[0] ?? '', 'utf8')).toBe(`---\nsymbol: A/80/999\n---\n${HEADING}\n\nA short letter about mines.\n`);
    const { letters, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(letters[0]?.passages).toEqual(letter.passages);
  });

  it('adds a Security Council resolution under its symbol as the UN prints it, the year in brackets', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'res.txt');
    await writeFile(source, 'Resolution 2428 (2018)\n\nAdopted by the Security Council at its 8310th meeting, on 13 July 2018\n\n3. Decides to remain actively seized of the matter.\n');
    const { letter } = await addLetter(source, dir, { symbol: 'S/RES/2428 (2018)', kind: 'resolution', date: '2018-07-13' });
    expect(letter).toMatchObject({ symbol: 'S/RES/2428 (2018)', kind: 'resolution' });
    const { letters, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(letters[0]?.symbol).toBe('S/RES/2428 (2018)');
  });

  it('reports a document without a title as the corpus will show it, not by the name of the file it came from', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'sg.txt');
    await writeFile(source, 'Mine action saves lives.\n\nThe Secretary-General calls on all States to accede to the Convention.\n');
    const { letter } = await addLetter(source, dir, { symbol: 'A/78/259', date: '2023-08-01', kind: 'report', author: 'Secretary-General' });
    const { letters } = await loadCorpus(dir);
    expect(letter.title).toBe(letters[0]?.title);
    expect(letter.title).not.toBe('sg');
  });

  it('names the file after a file name with accents by its letters, not by dashes in their place', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'Déclaration de la République (Côte d’Ivoire).txt');
    await writeFile(source, 'Statement by Côte d’Ivoire on fisheries\n\nOur fisheries employ 5,000 people.\n');
    const { letter } = await addLetter(source, dir, { date: '2024-05-01' });
    expect(letter.id).toBe('2024-05-01-declaration-de-la-republique-cote-d-ivoire');
  });

  it('warns when --author shares no word with the author the text names, and takes it (user trial 16)', async () => {
    const source = path.join(await tempDir(), 'norway.txt');
    await writeFile(source, 'Statement by Norway on ocean action\n\n5 June 2024\n\nNorway has committed NOK 380 million to the Ocean Programme.\n');
    const other = await addLetter(source, await tempDir(), { author: 'Sweden' });
    expect(other.letter.author).toBe('Sweden');
    expect(other.warnings.map((w) => w.message).join('\n')).toMatch(/--author "Sweden" shares no word with the author the document's text names, "Norway"/);
    const same = await addLetter(source, await tempDir(), { author: 'Kingdom of Norway' });
    expect(same.warnings.map((w) => w.message).join('\n')).not.toMatch(/--author/);
  });

  it('keeps the front matter keys it does not read, a misspelt one too, in what it writes (user trial 28)', async () => {
    const source = path.join(await tempDir(), 'norvania.txt');
    await writeFile(
      source,
      '---\ntitel: Statement by Norvania on fisheries\nreviewed_by: Ana\nkind: speech\n---\nOur fleet of 312 vessels landed 41,000 tonnes of cod in 2024.\n',
    );
    const dir = await tempDir();
    const dry = await addLetter(source, dir, { date: '2025-11-01' }, { dryRun: true });
    expect(dry.wouldWrite?.frontMatter).toMatch(/titel: Statement by Norvania on fisheries\nreviewed_by: Ana\n---\n$/);
    const { written } = await addLetter(source, dir, { date: '2025-11-01' });
    const text = await readFile(written[0] as string, 'utf8');
    expect(text).toMatch(/^---\ndate: 2025-11-01\nkind: speech\ntitel: Statement by Norvania on fisheries\nreviewed_by: Ana\n---\n/);
  });

  it('refuses a date that contradicts the letter heading, and changes nothing', async () => {
    const dir = await tempDir();
    const source = path.join(await tempDir(), 'plain.txt');
    await writeFile(source, `${HEADING}\n\nA short letter about mines.\n`);
    await expect(addLetter(source, dir, { date: '2024-01-01' })).rejects.toThrow(/--date "2024-01-01" disagrees with the document's text, which says "2025-03-02"/);
    expect(await corpusFiles(dir)).toEqual([]);
  });
});

/** A letter as a word processor lays it out: a joint symbol with an en dash, centred headings, paragraphs told apart only by a first-line indent. */
const indentedPdf = () =>
  pdf((doc) => {
    doc.fontSize(11);
    doc.text('United Nations A/80/999–S/2025/999').text('Distr.: General 3 March 2025');
    doc.text('General Assembly Eightieth session').moveDown();
    doc.text(HEADING, { align: 'center' });
    doc.text(
      'I have the honour to transmit herewith a statement on mine clearance in Testland (see annex), which runs on to a second line.',
      { indent: 28 },
    );
    doc.text('I should be grateful if you would have it circulated as a document.', { indent: 28 });
    doc.text('(Signed) Jane Doe Ambassador Permanent Representative', { indent: 28 });
    doc.addPage();
    doc.text(`Annex to the letter dated 2 March 2025 from the Permanent Representative of Testland to the United Nations addressed to the Secretary-General`, { align: 'center' }).moveDown();
    doc.text('Statement on mine clearance in Testland', { align: 'center' });
    doc.text('Since January 2025, 48 deminers have cleared 1,250 hectares of land in the north of the country.', { indent: 28 });
    doc.text('The work continues in the south.', { indent: 28 });
  });

describe('addLetter with a PDF as a word processor makes it', () => {
  it('keeps both halves of a symbol printed with an en dash', async () => {
    const source = path.join(await tempDir(), 'N2599999.pdf');
    await writeFile(source, await indentedPdf());
    const { letter } = await addLetter(source, await tempDir());
    expect(letter.symbol).toBe('A/80/999-S/2025/999');
    expect(letter.symbols).toEqual(['A/80/999', 'S/2025/999']);
  });

  it('tells paragraphs apart by their first-line indent, the annex title from its first paragraph', async () => {
    const source = path.join(await tempDir(), 'N2599999.pdf');
    await writeFile(source, await indentedPdf());
    const { letter } = await addLetter(source, await tempDir());
    expect(letter.annexes).toEqual([{ title: 'Statement on mine clearance in Testland', date: null }]);
    expect(letter.passages.map((p) => [p.part, p.text.slice(0, 30)])).toEqual([
      ['letter', 'I have the honour to transmit '],
      ['letter', 'I should be grateful if you wo'],
      ['letter', '(Signed) Jane Doe Ambassador P'],
      ['annex', 'Since January 2025, 48 deminer'],
      ['annex', 'The work continues in the sout'],
    ]);
  });
});

/** LibreOffice's PDFs of a UN-style letter (see test/fixtures/pdf/README.md). */
const LIBREOFFICE = path.resolve(import.meta.dirname, '..', 'fixtures', 'pdf');

describe('addLetter with a PDF made in LibreOffice', () => {
  for (const name of ['libreoffice-letter.pdf', 'libreoffice-letter-spaced-signature.pdf']) {
    it(`${name}: one passage per paragraph, the signature block one passage of its own`, async () => {
      const { letter } = await addLetter(path.join(LIBREOFFICE, name), await tempDir());
      expect(letter.passages).toHaveLength(15);
      expect(letter.passages.filter((p) => p.part === 'letter').map((p) => p.text.slice(0, 40))).toEqual([
        'I have the honour to transmit herewith a',
        'I should be grateful if you would have t',
        '(Signed) Arno Veldt Ambassador Permanent',
      ]);
      expect(letter.signatories).toEqual([{ name: 'Arno Veldt', title: 'Ambassador Permanent Representative' }]);
      expect(letter.passages.map((p) => p.text)).not.toContain('Ambassador');
      expect(letter.passages[4]).toMatchObject({
        part: 'annex',
        pages: [2],
        text: 'In the Zangilan district alone, 412 deminers worked in eleven teams, supported by 36 mine detection dogs and four armoured clearance machines provided by international partners.',
      });
    });
  }
});
