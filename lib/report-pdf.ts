/**
 * The covering report as a PDF for an agenda pack: A4, Helvetica (a standard PDF font, so nothing is
 * embedded), numbered sections as in the paper, Appendix A on landscape pages with its header row
 * repeated, Appendix B the glossary and the risk key, "Page N of M" on every page. Built with pdf-lib
 * from the same `CoveringReport` structure as the web page and the Word file.
 */
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { bandLabel } from '@/lib/domain/scoring';
import { formatDay } from '@/lib/domain/dates';
import { APPENDIX_A_HEADERS, appendixCells, type CoveringReport } from '@/lib/domain/covering-report';

const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 50;
const BLACK = rgb(0.04, 0.05, 0.05);
const GREY = rgb(0.3, 0.3, 0.3);

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; boldItalic: PDFFont };

/** Characters the standard fonts (WinAnsi) cannot show, replaced by readable equivalents. */
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '×': 'x', '\t': ' ', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ' };

function makeSanitiser(font: PDFFont) {
  const ok = new Map<string, boolean>();
  return (text: string): string =>
    Array.from(text.replace(/[\r\n]+/g, ' '))
      .map((ch) => {
        if (REPLACEMENTS[ch] !== undefined) return REPLACEMENTS[ch];
        let fine = ok.get(ch);
        if (fine === undefined) {
          try {
            font.encodeText(ch);
            fine = true;
          } catch {
            fine = false;
          }
          ok.set(ch, fine);
        }
        return fine ? ch : '?';
      })
      .join('');
}

/** Splits text into lines no wider than `width`, breaking words that are longer than a line. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

class Writer {
  page!: PDFPage;
  y = 0;
  size: [number, number] = A4;

  constructor(
    private doc: PDFDocument,
    readonly fonts: Fonts,
    readonly clean: (t: string) => string,
  ) {}

  newPage(size: [number, number] = this.size) {
    this.size = size;
    this.page = this.doc.addPage(size);
    this.y = size[1] - MARGIN;
  }

  get width() {
    return this.size[0] - 2 * MARGIN;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  /** A wrapped paragraph at x offset `indent`, optionally with a hanging label (a paragraph number). */
  paragraph(text: string, opts: { font?: PDFFont; size?: number; indent?: number; label?: string; gap?: number } = {}) {
    const font = opts.font ?? this.fonts.regular;
    const size = opts.size ?? 10.5;
    const indent = opts.indent ?? 0;
    const leading = size * 1.35;
    const lines = wrap(this.clean(text), font, size, this.width - indent);
    lines.forEach((line, i) => {
      this.ensure(leading);
      if (i === 0 && opts.label) this.page.drawText(this.clean(opts.label), { x: MARGIN, y: this.y - size, size, font: this.fonts.regular, color: BLACK });
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: BLACK });
      this.y -= leading;
    });
    this.y -= opts.gap ?? size * 0.6;
  }

  /** A line of runs in different fonts (the key-risk title with its band in bold), wrapped as one. */
  runs(parts: Array<{ text: string; font: PDFFont }>, size: number, indent: number) {
    const leading = size * 1.35;
    const words = parts.flatMap((p) =>
      this.clean(p.text)
        .split(/(\s+)/)
        .filter((w) => w.length)
        .map((w) => ({ w, font: p.font })),
    );
    let x = 0;
    this.ensure(leading);
    for (const { w, font } of words) {
      const width = font.widthOfTextAtSize(w, size);
      if (/^\s+$/.test(w)) {
        if (x > 0) x += width;
        continue;
      }
      if (x + width > this.width - indent && x > 0) {
        this.y -= leading;
        this.ensure(leading);
        x = 0;
      }
      this.page.drawText(w, { x: MARGIN + indent + x, y: this.y - size, size, font, color: BLACK });
      x += width;
    }
    this.y -= leading + size * 0.3;
  }

  /** A table with wrapped cells, a bold header row repeated on each page, and ruled cells. */
  table(columns: Array<{ header: string; width: number }>, rows: string[][], size = 8) {
    const leading = size * 1.25;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = this.width / total;
    const widths = columns.map((c) => c.width * scale);
    const layout = (cells: string[], font: PDFFont) => cells.map((c, i) => wrap(this.clean(c), font, size, widths[i]! - 2 * pad));
    const drawRow = (lines: string[][], font: PDFFont, shade: boolean) => {
      const height = Math.max(...lines.map((l) => l.length)) * leading + 2 * pad;
      let x = MARGIN;
      if (shade) this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: this.width, height, color: rgb(0.93, 0.93, 0.93) });
      lines.forEach((cell, i) => {
        this.page.drawRectangle({ x, y: this.y - height, width: widths[i]!, height, borderColor: GREY, borderWidth: 0.5 });
        cell.forEach((line, j) => this.page.drawText(line, { x: x + pad, y: this.y - pad - size - j * leading + 1.5, size, font, color: BLACK }));
        x += widths[i]!;
      });
      this.y -= height;
    };
    const header = layout(
      columns.map((c) => c.header),
      this.fonts.bold,
    );
    const headerHeight = Math.max(...header.map((l) => l.length)) * leading + 2 * pad;
    this.ensure(headerHeight + leading * 3);
    drawRow(header, this.fonts.bold, true);
    for (const row of rows) {
      const lines = layout(row, this.fonts.regular);
      const height = Math.max(...lines.map((l) => l.length)) * leading + 2 * pad;
      if (this.y - height < MARGIN + 20) {
        this.newPage();
        drawRow(header, this.fonts.bold, true);
      }
      drawRow(lines, this.fonts.regular, false);
    }
    this.y -= 10;
  }
}

export type PdfOptions = { draft: boolean; date?: Date };

/** Renders the report to PDF bytes. */
export async function coveringReportPdf(report: CoveringReport, options: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await doc.embedFont(StandardFonts.HelveticaBoldOblique),
  };
  const title = `${report.title}${options.draft ? ' (DRAFT)' : ''}`;
  doc.setTitle(`${title}: ${report.forum}, ${formatDay(report.meetingOn)}`, { showInWindowTitleBar: true });
  doc.setSubject(`Covering report on the PCC risk register as at ${formatDay(report.asAt)}`);
  doc.setLanguage('en-GB');
  doc.setCreator('OPCC risk register');
  doc.setProducer('OPCC risk register (pdf-lib)');
  if (options.date) {
    doc.setCreationDate(options.date);
    doc.setModificationDate(options.date);
  }

  const w = new Writer(doc, fonts, makeSanitiser(fonts.regular));
  w.newPage(A4);
  w.paragraph(report.forum, { font: fonts.regular, size: 10, gap: 2 });
  w.paragraph(formatDay(report.meetingOn), { font: fonts.regular, size: 10, gap: 10 });
  w.paragraph(title, { font: fonts.bold, size: 16, gap: 12 });
  if (options.draft) w.paragraph('DRAFT: not yet published. The text may still change.', { font: fonts.bold, size: 10.5, gap: 10 });

  for (const section of report.sections) {
    w.ensure(40);
    w.paragraph(`${section.number}. ${section.heading}`, { font: fonts.bold, size: 12, gap: 6 });
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') w.paragraph(block.text, { label: block.number ?? undefined, indent: 36 });
      else if (block.kind === 'risk') {
        w.ensure(40);
        w.runs(
          [
            { text: `Risk ${block.ref}: ${block.event} (`, font: fonts.italic },
            { text: block.band, font: fonts.boldItalic },
            { text: ' risk)', font: fonts.italic },
          ],
          10.5,
          36,
        );
        w.paragraph(block.text, { indent: 36 });
      } else for (const item of block.items) w.paragraph(item, { label: '•', indent: 48 });
    }
  }
  if (report.signOff.name || report.signOff.role) {
    w.y -= 10;
    if (report.signOff.name) w.paragraph(report.signOff.name, { gap: 1 });
    if (report.signOff.role) w.paragraph(report.signOff.role);
  }
  if (report.auditCheckpoint) {
    w.y -= 10;
    w.paragraph(`Audit log checkpoint at publication: ${report.auditCheckpoint}`, { size: 8 });
  }

  w.newPage(A4_LANDSCAPE);
  w.paragraph(report.appendixA.caption, { font: fonts.bold, size: 12, gap: 8 });
  const widths = [26, 56, 190, 16, 16, 16, 30, 56, 56, 230];
  w.table(
    APPENDIX_A_HEADERS.map((header, i) => ({ header, width: widths[i]! })),
    report.appendixA.rows.map(appendixCells),
  );

  w.newPage(A4);
  w.paragraph('Appendix B: Glossary and risk key', { font: fonts.bold, size: 12, gap: 8 });
  w.table(
    [
      { header: 'Acronym', width: 90 },
      { header: 'Meaning', width: 400 },
    ],
    report.appendixB.glossary.map((g) => [g.acronym, g.meaning]),
    9,
  );
  w.paragraph('Risk key', { font: fonts.bold, size: 11, gap: 6 });
  w.table(
    [
      { header: 'Band', width: 120 },
      { header: 'Score', width: 370 },
    ],
    report.appendixB.key.map((k) => [bandLabel(k.band), k.range]),
    9,
  );

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = `${report.title}${options.draft ? ' (DRAFT)' : ''} - page ${i + 1} of ${pages.length}`;
    const size = 8;
    page.drawText(text, { x: page.getWidth() - MARGIN - fonts.regular.widthOfTextAtSize(text, size), y: MARGIN / 2, size, font: fonts.regular, color: GREY });
  });
  return doc.save();
}
