/**
 * The covering report as a Word document (.docx, Office Open XML) for an agenda pack. Written directly
 * as WordprocessingML and zipped with fflate: real heading styles (so the navigation pane and screen
 * readers see the structure), numbered paragraphs as in the paper, bullets as real Word lists (a numbering
 * definition, so Word's list tools work on them), tables with header rows that repeat across pages, Appendix A
 * in a landscape section with the paper's divider rows, and the audit checkpoint in a record note at the end.
 * From the same `CoveringReport` as the page and PDF.
 */
import { strToU8, zipSync } from 'fflate';
import {
  APPENDIX_A_HEADERS,
  APPENDIX_A_SCORE_COLUMN,
  appendixCells,
  appendixDividerBefore,
  BAND_FILL,
  recordNote,
  type CoveringReport,
} from '@/lib/domain/covering-report';
import { formatDay } from '@/lib/domain/dates';
import { bandLabel } from '@/lib/domain/scoring';

/** Text safe inside XML: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

type Run = { text: string; bold?: boolean; italic?: boolean };

function run({ text, bold, italic }: Run): string {
  const props = `${bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** The numbering definitions' ids (word/numbering.xml): bullets in the body, and smaller ones in table cells. */
const BODY_BULLETS = 1;
const CELL_BULLETS = 2;

function para(runs: Run[] | string, opts: { style?: string; indent?: number; hanging?: number; keepNext?: boolean; bullets?: number } = {}): string {
  const ppr = [
    opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '',
    opts.keepNext ? '<w:keepNext/>' : '',
    opts.bullets ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${opts.bullets}"/></w:numPr>` : '',
    opts.indent !== undefined ? `<w:ind w:left="${opts.indent}"${opts.hanging ? ` w:hanging="${opts.hanging}"` : ''}/>` : '',
  ].join('');
  const content = (typeof runs === 'string' ? [{ text: runs }] : runs).map(run).join('');
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${content}</w:p>`;
}

/** A numbered paragraph as the paper sets it: "2.6<tab>The risk appetite remains at 30." */
function numbered(number: string, text: string): string {
  return `<w:p><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr>${run({ text: number })}<w:r><w:tab/></w:r>${run({ text })}</w:p>`;
}

/**
 * A table whose header row repeats on each page. A cell given as a list prints one line per item, bulleted
 * unless `plain`; `fill` shades a body cell (Appendix A's Score cell with its band's colour).
 */
function table(
  headers: string[],
  rows: Array<Array<string | string[]>>,
  widths: number[],
  opts: { fill?: (row: number, column: number) => string | null; plain?: number[]; divider?: (row: number) => string | null } = {},
): string {
  const cell = (content: string | string[], width: number, header: boolean, fill: string | null, bullets: boolean) => {
    const paragraphs = Array.isArray(content)
      ? content.length
        ? content.map((item) => para(item, { style: 'TableText', ...(bullets ? { bullets: CELL_BULLETS } : {}) })).join('')
        : para('-', { style: 'TableText' })
      : para([{ text: content, bold: header }], { style: 'TableText' });
    const shade = header ? 'E8E8E8' : fill;
    return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${shade}"/>` : ''}</w:tcPr>${paragraphs}</w:tc>`;
  };
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${headers.map((h, i) => cell(h, widths[i]!, true, null, false)).join('')}</w:tr>`;
  const total = widths.reduce((a, b) => a + b, 0);
  // A divider row the paper prints before some rows ("Inherent Risks"): one cell across the table, kept with the next row.
  const divider = (text: string) =>
    `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${total}" w:type="dxa"/><w:gridSpan w:val="${widths.length}"/><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:keepNext/></w:pPr>${run({ text, bold: true })}</w:p></w:tc></w:tr>`;
  const body = rows
    .map((r, ri) => {
      const before = opts.divider?.(ri);
      return `${before ? divider(before) : ''}<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, ci) => cell(c, widths[ci]!, false, opts.fill?.(ri, ci) ?? null, !opts.plain?.includes(ci))).join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header}${body}</w:tbl>`;
}

const PORTRAIT =
  '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>';
const LANDSCAPE =
  '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>';

/** Ends the section so far (its page setup) with a paragraph that carries it. */
function sectionBreak(pageSetup: string): string {
  return `<w:p><w:pPr><w:sectPr>${pageSetup}</w:sectPr></w:pPr></w:p>`;
}

/** Appendix A's column widths in twips (the landscape page's 14,570). */
export const APPENDIX_A_WORD_WIDTHS = [500, 950, 1850, 2450, 1250, 3050, 330, 330, 330, 1150, 950, 1430];

function documentXml(report: CoveringReport, draft: boolean): string {
  const body: string[] = [];
  if (report.agendaItem) body.push(para([{ text: `Agenda item ${report.agendaItem}`, bold: true }]));
  body.push(para(report.forum), para(formatDay(report.meetingOn)));
  body.push(para(`${report.title}${draft ? ' (DRAFT)' : ''}`, { style: 'Title' }));
  if (draft) body.push(para([{ text: 'DRAFT: not yet published. The text may still change.', bold: true }]));
  for (const section of report.sections) {
    body.push(para(`${section.number}. ${section.heading}`, { style: 'Heading1', keepNext: true }));
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') body.push(block.number ? numbered(block.number, block.text) : para(block.text, { indent: 720 }));
      else if (block.kind === 'risk') {
        body.push(
          para(
            [
              { text: `Risk ${block.ref}: ${block.event} (`, italic: true },
              { text: block.band, italic: true, bold: true },
              { text: ' risk)', italic: true },
            ],
            { indent: 720, keepNext: true },
          ),
          para(block.text, { indent: 720 }),
        );
      } else body.push(...block.items.map((item) => para(item, { bullets: BODY_BULLETS })));
    }
  }
  if (report.signOff.name) body.push(para(report.signOff.name));
  if (report.signOff.role) body.push(para(report.signOff.role));
  body.push(sectionBreak(PORTRAIT));

  body.push(para(report.appendixA.caption, { style: 'Heading1' }));
  // The landscape page's 14,570 twips, shared out as the paper's columns are; the Score column fits
  // "24 Acceptable" on one line at the table's 8 pt, so no band's name breaks inside a word.
  const rows = report.appendixA.rows;
  body.push(
    table([...APPENDIX_A_HEADERS], rows.map(appendixCells), APPENDIX_A_WORD_WIDTHS, {
      fill: (row, column) => (column === APPENDIX_A_SCORE_COLUMN ? BAND_FILL[rows[row]!.band] : null),
      plain: [APPENDIX_A_HEADERS.indexOf('Main impact area(s)')],
      divider: (row) => appendixDividerBefore(rows, row),
    }),
  );
  body.push(sectionBreak(LANDSCAPE));

  body.push(para('Appendix B: Glossary and risk key', { style: 'Heading1' }));
  body.push(
    table(
      ['Acronym', 'Meaning'],
      report.appendixB.glossary.map((g) => [g.acronym, g.meaning]),
      [2000, 7600],
    ),
  );
  body.push(para('Risk key', { style: 'Heading2' }));
  body.push(
    table(
      ['Band', 'Score'],
      report.appendixB.key.map((k) => [bandLabel(k.band), k.range]),
      [2000, 7600],
    ),
  );
  // The record of the publication, after the appendices: for the auditor, out of the councillor's way.
  if (report.auditCheckpoint) body.push(para('Record', { style: 'Heading2' }), para([{ text: recordNote(report.auditCheckpoint) }], { style: 'TableText' }));

  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body.join('')}<w:sectPr>${PORTRAIT}</w:sectPr></w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

/** Two bullet lists: the body's, indented as the paper's, and the table cells' (narrower). */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="170" w:hanging="170"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="${BODY_BULLETS}"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="${CELL_BULLETS}"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`;

function coreXml(report: CoveringReport, draft: boolean, date: Date): string {
  const iso = date.toISOString().replace(/\.\d+Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(`${report.title}${draft ? ' (DRAFT)' : ''}: ${report.forum}, ${formatDay(report.meetingOn)}`)}</dc:title><dc:subject>${xmlText(`Covering report on the PCC risk register as at ${formatDay(report.asAt)}`)}</dc:subject><dc:creator>OPCC risk register</dc:creator><dc:language>en-GB</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`;
}

/** Renders the report to .docx bytes. */
export function coveringReportDocx(report: CoveringReport, options: { draft: boolean; date: Date }): Uint8Array {
  // A fixed time in the ZIP entries keeps the same report byte-for-byte the same file.
  const mtime = options.date;
  const file = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(text), { mtime }];
  return zipSync(
    {
      '[Content_Types].xml': file(CONTENT_TYPES),
      '_rels/.rels': file(ROOT_RELS),
      'docProps/core.xml': file(coreXml(report, options.draft, options.date)),
      'word/document.xml': file(documentXml(report, options.draft)),
      'word/styles.xml': file(STYLES),
      'word/numbering.xml': file(NUMBERING),
      'word/_rels/document.xml.rels': file(DOCUMENT_RELS),
    },
    { level: 6 },
  );
}
