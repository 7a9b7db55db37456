/**
 * The covering report as a tagged, accessible PDF (PDF/UA-1) for an agenda pack published on the web.
 * Built with PDFKit from the same `CoveringReport` structure as the web page and the Word file:
 * - a structure tree in reading order: the title (H1), sections (H2), key risks (H3), numbered
 *   paragraphs (P), the removed risks as a list (L, LI, Lbl, LBody), and tables whose header cells
 *   (TH) head their columns;
 * - document title shown in the window title bar, language en-GB;
 * - Arimo (metrically compatible with Arial, SIL Open Font License, from @expo-google-fonts/arimo),
 *   embedded, as PDF/UA requires of every font;
 * - page furniture marked as artifacts: the page footer, rules and fills, and the header row repeated
 *   on each later page of a table (the first one is the table's real header);
 * - A4, Appendix A on landscape pages with every column the paper prints, its Score cell filled with
 *   the band's colour and carrying the band's name in words.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { bandLabel } from '@/lib/domain/scoring';
import { formatDay } from '@/lib/domain/dates';
import {
  APPENDIX_A_HEADERS,
  APPENDIX_A_SCORE_COLUMN,
  appendixCells,
  appendixDividerBefore,
  BAND_FILL,
  recordNote,
  type CoveringReport,
} from '@/lib/domain/covering-report';

const MARGIN = 50;
const BLACK = '#0b0c0c';
const GREY = '#505a5f';
const RULE = '#808080';
const HEADER_FILL = '#e8e8e8';

/** The four Arimo faces, read from the font package in node_modules (next start and the tests run from the project root). */
const FONT_FILES = {
  regular: '400Regular/Arimo_400Regular.ttf',
  bold: '700Bold/Arimo_700Bold.ttf',
  italic: '400Regular_Italic/Arimo_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Arimo_700Bold_Italic.ttf',
} as const;
type Face = keyof typeof FONT_FILES;

function readFonts(): Record<Face, Buffer> {
  const dir = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'arimo');
  return Object.fromEntries(Object.entries(FONT_FILES).map(([face, file]) => [face, fs.readFileSync(path.join(dir, file))])) as Record<Face, Buffer>;
}

/**
 * Text as the embedded font can show it: line breaks and tabs become spaces, control characters go, and
 * a character the font has no glyph for (an emoji) becomes "?" rather than an invisible box.
 */
function makeSanitiser(font: Buffer) {
  const face = fontkit.create(font) as fontkit.Font;
  return (text: string): string =>
    Array.from(text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, ''))
      .map((ch) => (face.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : '?'))
      .join('');
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type CellContent = string | string[];
type Column = { header: string; width: number; bullets?: boolean };

class Writer {
  constructor(
    readonly doc: Doc,
    readonly root: Struct,
    readonly clean: (text: string) => string,
  ) {}

  get left() {
    return this.doc.page.margins.left;
  }

  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The current page's orientation, which a continuation page keeps. */
  get layout(): 'portrait' | 'landscape' {
    return this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait';
  }

  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page of the given layout when less than `height` is left on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage({ size: 'A4', layout: this.layout, margin: MARGIN });
  }

  /** Adds a structure element under `parent` whose content is what `draw` puts on the page. */
  element(parent: Struct, type: string, draw: () => void) {
    const element = this.doc.struct(type);
    parent.add(element);
    element.add(draw);
    element.end();
  }

  heading(level: 1 | 2 | 3, text: string, size: number, gap = 6) {
    this.ensure(size * 3);
    this.element(this.root, `H${level}`, () => {
      this.doc.font('bold').fontSize(size).fillColor(BLACK).text(this.clean(text), this.left, this.doc.y, { width: this.width });
    });
    this.doc.moveDown(gap / size);
  }

  /** A paragraph, with the paper's number hanging in the margin when it has one. */
  paragraph(text: string, opts: { number?: string | null; size?: number; face?: Face; indent?: number; gap?: number } = {}) {
    const size = opts.size ?? 10.5;
    const indent = opts.indent ?? 36;
    this.ensure(size * 2.5);
    this.element(this.root, 'P', () => {
      const y = this.doc.y;
      this.doc.font('regular').fontSize(size).fillColor(BLACK);
      if (opts.number) this.doc.text(`${opts.number} `, this.left, y, { lineBreak: false });
      this.doc.font(opts.face ?? 'regular').text(this.clean(text), this.left + indent, y, { width: this.width - indent });
    });
    this.doc.moveDown((opts.gap ?? size * 0.6) / size);
  }

  /**
   * A key risk's heading as the paper sets it, "Risk I1: <event> (moderate risk)" in italics. The band
   * phrase is joined by a no-break space and set as one run, so it never splits across lines.
   */
  riskHeading(ref: string, event: string, band: string) {
    const size = 10.5;
    this.ensure(size * 4);
    this.element(this.root, 'H3', () => {
      this.doc
        .font('italic')
        .fontSize(size)
        .fillColor(BLACK)
        .text(`${this.clean(`Risk ${ref}: ${event}`)} `, this.left + 36, this.doc.y, {
          width: this.width - 36,
          continued: true,
        });
      this.doc.font('boldItalic').text(`(${band}\u00a0risk)`);
    });
    this.doc.moveDown(0.3);
  }

  list(items: string[]) {
    const size = 10.5;
    const list = this.doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      this.ensure(size * 2.5);
      const li = this.doc.struct('LI');
      list.add(li);
      const y = this.doc.y;
      this.element(li, 'Lbl', () => {
        this.doc
          .font('regular')
          .fontSize(size)
          .fillColor(BLACK)
          .text('•', this.left + 36, y, { lineBreak: false });
      });
      this.element(li, 'LBody', () => {
        this.doc
          .font('regular')
          .fontSize(size)
          .text(this.clean(item), this.left + 48, y, { width: this.width - 48 });
      });
      li.end();
      this.doc.moveDown(0.3);
    }
    list.end();
  }

  /** A decorative drawing (rules, fills), outside the structure tree. */
  artifact(draw: () => void) {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * A table: the header row (TH cells, each with Scope Column) then one TR of TD cells per row. A list in a
   * cell is tagged as one (L, LI, Lbl for its bullet, LBody), each item ending in a space so the text layer
   * keeps its words apart. `divider` gives a row the paper prints before some rows ("Inherent Risks"): a TH
   * with Scope Row, then the row's other cells empty, drawn as one band. A row that does not fit moves to a
   * new page, where the header row is drawn again as an artifact; `fill` shades a cell.
   */
  table(
    columns: Column[],
    rows: CellContent[][],
    opts: { size?: number; fill?: (row: number, column: number) => string | null; divider?: (row: number) => string | null } = {},
  ) {
    const { doc } = this;
    const size = opts.size ?? 8;
    const pad = 3;
    const bulletIndent = size;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const bulleted = (i: number) => columns[i]!.bullets ?? true;
    const textWidth = (content: CellContent, i: number) => widths[i]! - 2 * pad - (Array.isArray(content) && bulleted(i) ? bulletIndent : 0);
    const lines = (content: CellContent) =>
      Array.isArray(content) ? (content.length ? content.map((item) => `${this.clean(item)} `) : ['-']) : [this.clean(content)];
    const measure = (cells: CellContent[], face: Face) => {
      doc.font(face).fontSize(size);
      const heights = cells.map(
        (content, i) => lines(content).reduce((sum, line) => sum + doc.heightOfString(line, { width: textWidth(content, i) }), 0) + 2 * pad,
      );
      return Math.max(...heights);
    };
    /** A cell's text, tagged under `cell` (a list as L/LI/Lbl/LBody), or as an artifact when `cell` is null. */
    const drawText = (cell: Struct | null, content: CellContent, i: number, x: number, top: number, face: Face) => {
      const width = textWidth(content, i);
      const at = (text: string, left: number, y: number, w: number) => {
        doc
          .font(face)
          .fontSize(size)
          .fillColor(BLACK)
          .text(text, left, y, { width: w, height: this.bottom - y });
      };
      let y = top + pad;
      if (!cell) return this.artifact(() => lines(content).forEach((line) => (at(line, x + pad, y, width), (y = doc.y))));
      if (!Array.isArray(content) || !content.length) return cell.add(() => at(lines(content)[0]!, x + pad, y, width));
      const list = doc.struct('L');
      cell.add(list);
      for (const line of lines(content)) {
        const li = doc.struct('LI');
        list.add(li);
        const itemTop = y;
        if (bulleted(i))
          this.element(li, 'Lbl', () =>
            doc
              .font(face)
              .fontSize(size)
              .fillColor(BLACK)
              .text('•', x + pad, itemTop, { lineBreak: false }),
          );
        this.element(li, 'LBody', () => at(line, x + pad + (bulleted(i) ? bulletIndent : 0), itemTop, width));
        y = doc.y;
        li.end();
      }
      list.end();
    };
    const drawCells = (cells: CellContent[], face: Face, height: number, row: Struct | null, type: 'TH' | 'TD', fills: Array<string | null>) => {
      const top = doc.y;
      let x = this.left;
      cells.forEach((content, i) => {
        const width = widths[i]!;
        const cellX = x;
        this.artifact(() => {
          if (fills[i]) doc.rect(cellX, top, width, height).fill(fills[i]!);
          doc.lineWidth(0.5).rect(cellX, top, width, height).stroke(RULE);
        });
        if (row) {
          const cell = type === 'TH' ? doc.struct('TH', { scope: 'Column' } as StructureOptions) : doc.struct('TD');
          row.add(cell);
          drawText(cell, content, i, cellX, top, face);
          cell.end();
        } else drawText(null, content, i, cellX, top, face);
        x += width;
      });
      doc.x = this.left;
      doc.y = top + height;
    };
    /** A divider row: its text in the first cell (TH, Scope Row), the rest empty TDs, drawn as one shaded band. */
    const drawDivider = (text: string, parent: Struct) => {
      const height = measure([text], 'bold');
      if (doc.y + height * 3 > this.bottom) {
        doc.addPage({ size: 'A4', layout: this.layout, margin: MARGIN });
        drawCells(headers, 'bold', headerHeight, null, 'TH', headerFills);
      }
      const top = doc.y;
      this.artifact(() => {
        doc.rect(this.left, top, this.width, height).fill(HEADER_FILL);
        doc.lineWidth(0.5).rect(this.left, top, this.width, height).stroke(RULE);
      });
      const row = doc.struct('TR');
      parent.add(row);
      const th = doc.struct('TH', { scope: 'Row' } as StructureOptions);
      row.add(th);
      th.add(() =>
        doc
          .font('bold')
          .fontSize(size)
          .fillColor(BLACK)
          .text(this.clean(text), this.left + pad, top + pad, { width: this.width - 2 * pad }),
      );
      th.end();
      for (let c = 1; c < columns.length; c++) row.add(doc.struct('TD', [] as never));
      row.end();
      doc.x = this.left;
      doc.y = top + height;
    };

    const table = doc.struct('Table');
    this.root.add(table);
    const headers = columns.map((c) => c.header);
    const headerHeight = measure(headers, 'bold');
    const headerFills = headers.map(() => HEADER_FILL);
    this.ensure(headerHeight + size * 4);
    const head = doc.struct('THead');
    table.add(head);
    const headRow = doc.struct('TR');
    head.add(headRow);
    drawCells(headers, 'bold', headerHeight, headRow, 'TH', headerFills);
    headRow.end();
    head.end();
    const body = doc.struct('TBody');
    table.add(body);
    rows.forEach((cells, r) => {
      const divider = opts.divider?.(r);
      if (divider) drawDivider(divider, body);
      const height = measure(cells, 'regular');
      if (doc.y + height > this.bottom) {
        doc.addPage({ size: 'A4', layout: this.layout, margin: MARGIN });
        drawCells(headers, 'bold', headerHeight, null, 'TH', headerFills);
      }
      const row = doc.struct('TR');
      body.add(row);
      drawCells(
        cells,
        'regular',
        height,
        row,
        'TD',
        cells.map((_, c) => opts.fill?.(r, c) ?? null),
      );
      row.end();
    });
    body.end();
    table.end();
    doc.moveDown(1);
  }
}

/**
 * PDFKit's structure options: with `scope`, which PDFKit writes as a TH's Table attribute (/A << /O /Table
 * /Scope ... >>) but @types/pdfkit does not yet list.
 */
type StructureOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

export type PdfOptions = { draft: boolean; date?: Date };

/** Renders the report to PDF bytes. */
export async function coveringReportPdf(report: CoveringReport, options: PdfOptions): Promise<Uint8Array> {
  const title = `${report.title}${options.draft ? ' (DRAFT)' : ''}`;
  const fonts = readFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    // PDFKit's accessibility guide documents this subset; @types/pdfkit lists only the PDF/A ones.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `${title}: ${report.forum}, ${formatDay(report.meetingOn)}`,
      Subject: `Covering report on the PCC risk register as at ${formatDay(report.asAt)}`,
      Creator: 'OPCC risk register',
      Producer: 'OPCC risk register (PDFKit)',
      ...(options.date ? { CreationDate: options.date, ModDate: options.date } : {}),
    },
  });
  for (const face of Object.keys(FONT_FILES) as Face[]) doc.registerFont(face, fonts[face]);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const w = new Writer(doc, root, makeSanitiser(fonts.regular));
  doc.addPage({ size: 'A4', margin: MARGIN });
  if (report.agendaItem) w.paragraph(`Agenda item ${report.agendaItem}`, { size: 10, face: 'bold', indent: 0, gap: 2 });
  w.paragraph(report.forum, { size: 10, indent: 0, gap: 2 });
  w.paragraph(formatDay(report.meetingOn), { size: 10, indent: 0, gap: 10 });
  w.heading(1, title, 16, 12);
  if (options.draft) w.paragraph('DRAFT: not yet published. The text may still change.', { face: 'bold', indent: 0, gap: 10 });

  for (const section of report.sections) {
    w.heading(2, `${section.number}. ${section.heading}`, 12);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') w.paragraph(block.text, { number: block.number });
      else if (block.kind === 'risk') {
        w.riskHeading(block.ref, block.event, block.band);
        w.paragraph(block.text);
      } else w.list(block.items);
    }
  }
  if (report.signOff.name || report.signOff.role) {
    doc.moveDown(0.5);
    if (report.signOff.name) w.paragraph(report.signOff.name, { indent: 0, gap: 1 });
    if (report.signOff.role) w.paragraph(report.signOff.role, { indent: 0 });
  }

  doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
  w.heading(2, report.appendixA.caption, 12, 8);
  const rows = report.appendixA.rows;
  // The paper's columns, in proportion to what they hold.
  const widths = [22, 44, 84, 110, 56, 150, 13, 13, 13, 44, 46, 80];
  w.table(
    APPENDIX_A_HEADERS.map((header, i) => ({ header, width: widths[i]!, bullets: header !== 'Main impact area(s)' })),
    rows.map(appendixCells),
    {
      size: 7,
      fill: (row, column) => (column === APPENDIX_A_SCORE_COLUMN ? `#${BAND_FILL[rows[row]!.band]}` : null),
      divider: (row) => appendixDividerBefore(rows, row),
    },
  );

  doc.addPage({ size: 'A4', margin: MARGIN });
  w.heading(2, 'Appendix B: Glossary and risk key', 12, 8);
  w.table(
    [
      { header: 'Acronym', width: 90 },
      { header: 'Meaning', width: 400 },
    ],
    report.appendixB.glossary.map((g) => [g.acronym, g.meaning]),
    { size: 9 },
  );
  w.heading(3, 'Risk key', 11);
  w.table(
    [
      { header: 'Band', width: 120 },
      { header: 'Score', width: 370 },
    ],
    report.appendixB.key.map((k) => [bandLabel(k.band), k.range]),
    { size: 9, fill: (row, column) => (column === 0 ? `#${BAND_FILL[report.appendixB.key[row]!.band]}` : null) },
  );
  // The record of the publication, after the appendices: for the auditor, out of the councillor's way.
  if (report.auditCheckpoint) {
    w.heading(3, 'Record', 9, 2);
    w.paragraph(recordNote(report.auditCheckpoint), { size: 8, indent: 0 });
  }
  root.end();

  // The footer on every page, as pagination artifacts: written last, when the page count is known.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const text = `${title} - page ${i + 1} of ${count}`;
    const { page } = doc;
    const bottomMargin = page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(text, MARGIN, page.height - MARGIN / 2 - 8, { width: page.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    page.margins.bottom = bottomMargin;
  }
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
