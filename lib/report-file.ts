/**
 * Reads an inspection report from pasted text, a .txt/.md upload, or the published PDF (text extracted
 * with pdfjs-dist; lib/parse-job.ts runs this in a process of its own). Bad input gets a message a person understands, never an exception.
 */
import { looksLikeReport, parseInspectionReport, type ParsedReport } from './domain/inspection-report';

import { REPORT_TEXT_MAX_CHARACTERS, REPORT_UPLOAD_MAX_BYTES, reportTextTooLong } from './upload-limits';

export type ReportRead = { ok: true; report: ParsedReport; text: string } | { ok: false; message: string };

type TextItem = { str: string; transform: number[]; width: number; height: number; hasEOL?: boolean };

/**
 * Extracts a PDF's text as lines: items on one baseline joined, wide gaps as tabs, paragraph gaps as
 * blank lines, and a line that starts right of the page's left margin indented (so sub-bullets stay
 * sub-bullets).
 */
export async function extractPdfText(content: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: content, useSystemFonts: true, isEvalSupported: false, disableFontFace: true }).promise;
  const out: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const { items } = await page.getTextContent();
    const lines: Array<{ x: number; text: string; gapBefore: boolean }> = [];
    let lastY: number | null = null;
    let lastEnd = 0;
    let lineHeight = 12;
    for (const raw of items as TextItem[]) {
      if (!('str' in raw) || raw.str === '') continue;
      const [, , , , x = 0, y = 0] = raw.transform;
      lineHeight = raw.height || lineHeight;
      if (lastY === null || Math.abs(y - lastY) > lineHeight / 2) {
        lines.push({ x, text: raw.str, gapBefore: lastY !== null && lastY - y > lineHeight * 1.8 });
      } else {
        const current = lines.at(-1)!;
        current.text += x - lastEnd > lineHeight * 1.5 ? `\t${raw.str}` : raw.str;
      }
      lastY = y;
      lastEnd = x + raw.width;
    }
    const margin = Math.min(...lines.map((l) => l.x));
    for (const line of lines) {
      if (line.gapBefore) out.push('');
      const indent = Math.min(8, Math.round((line.x - margin) / 5));
      out.push(`${' '.repeat(indent)}${line.text}`);
    }
    out.push('');
  }
  await pdf.destroy();
  return out.join('\n');
}

/** A PDF's text, or why there is none in words: damaged or locked, or a scan with no text (paste `pasteWhat` instead). */
export async function readPdfText(content: Uint8Array, pasteWhat: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await extractPdfText(content);
  } catch {
    return { ok: false, message: 'The PDF could not be read: it may be damaged or password-protected' };
  }
  if (text.replace(/\s/g, '').length === 0) return { ok: false, message: `The PDF has no text to read (it may be a scan): paste ${pasteWhat} instead` };
  return { ok: true, text };
}

/** Reads an uploaded or pasted report. */
export async function readReport(input: { name?: string; content?: Uint8Array; text?: string }): Promise<ReportRead> {
  let text = input.text ?? '';
  if (input.content) {
    if (input.content.byteLength === 0) return { ok: false, message: 'The file is empty' };
    if (input.content.byteLength > REPORT_UPLOAD_MAX_BYTES) return { ok: false, message: 'The file must be smaller than 20 MB' };
    const isPdf = /\.pdf$/i.test(input.name ?? '') || Buffer.from(input.content.subarray(0, 5)).toString('latin1') === '%PDF-';
    if (isPdf) {
      const read = await readPdfText(input.content, 'the report’s text');
      if (!read.ok) return read;
      text = read.text;
    } else {
      if (!/\.(txt|md)$/i.test(input.name ?? '')) return { ok: false, message: 'The file must be a PDF, or text (.txt or .md)' };
      if (input.content.includes(0)) return { ok: false, message: 'The file is not text: upload the report’s PDF, or a .txt or .md file' };
      text = Buffer.from(input.content).toString('utf8');
    }
  }
  if (!text.trim()) return { ok: false, message: 'Paste the report’s text, or choose its PDF or text file' };
  if (text.length > REPORT_TEXT_MAX_CHARACTERS) return { ok: false, message: reportTextTooLong(text.length) };
  const report = parseInspectionReport(text);
  if (!looksLikeReport(report, text))
    return { ok: false, message: 'This does not look like an HMICFRS inspection report: no force, graded judgments or findings were found' };
  return { ok: true, report, text };
}
