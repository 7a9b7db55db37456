import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { textToPdf } from '../e2e/text-to-pdf';
import { readReport } from './report-file';

const REPORT = fs.readFileSync(path.join(__dirname, 'domain', 'fixtures', 'peel-2018-19-wiltshire.txt'), 'utf8');

describe('reading a report', () => {
  it('from the published PDF gives the same findings as from its text', async () => {
    const fromText = await readReport({ text: REPORT });
    const fromPdf = await readReport({ name: 'report.pdf', content: await textToPdf(REPORT) });
    expect(fromText.ok && fromPdf.ok).toBe(true);
    if (!fromText.ok || !fromPdf.ok) return;
    expect(fromPdf.report.findings.map((f) => [f.component, f.subItems.length])).toEqual(fromText.report.findings.map((f) => [f.component, f.subItems.length]));
    expect(fromPdf.report.findings).toHaveLength(8);
    expect(fromPdf.report.judgments.map((j) => j.grade)).toEqual(fromText.report.judgments.map((j) => j.grade));
    expect(fromPdf.report.force).toBe('Wiltshire Police');
  }, 30_000);

  it.each([
    [{ name: 'empty.txt', content: new Uint8Array() }, 'The file is empty'],
    [{ name: 'huge.pdf', content: new Uint8Array(50 * 1024 * 1024) }, 'The file must be smaller than 20 MB'],
    [{ name: 'photo.png', content: new Uint8Array([1, 2, 3]) }, 'The file must be a PDF, or text (.txt or .md)'],
    [{ name: 'notes.txt', content: new TextEncoder().encode('Shopping list\n- milk\n- bread') }, 'This does not look like an HMICFRS inspection report'],
    [{ text: '   ' }, 'Paste the report’s text, or choose its PDF or text file'],
  ])('refuses %#: %s', async (input, message) => {
    const result = await readReport(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('refuses a PDF with no text', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const result = await readReport({ name: 'scan.pdf', content: await doc.save() });
    expect(result).toEqual({ ok: false, message: 'The PDF has no text to read (it may be a scan): paste the report’s text instead' });
  });

  it('refuses a damaged PDF', async () => {
    const result = await readReport({ name: 'broken.pdf', content: new TextEncoder().encode('%PDF-1.7 nonsense') });
    expect(result.ok).toBe(false);
  });
});
