/** Files built to hurt whatever reads them, for the tests that prove they are contained. */
import { strToU8, zipSync, zlibSync } from 'fflate';
import { PDFDocument, PDFName } from 'pdf-lib';

/** A zip of `files` whose directory says each entry is 1,000 bytes, whatever it inflates to. */
function lyingZip(files: Record<string, Uint8Array>): Uint8Array {
  const zip = Buffer.from(zipSync(files, { level: 9 }));
  for (let at = 0; at < zip.length - 4; at++) if (zip.readUInt32LE(at) === 0x02014b50) zip.writeUInt32LE(1000, at + 24);
  return zip;
}

/** A complete workbook whose sheet inflates to `mb` MB while its zip directory says each entry is 1,000 bytes. */
export function lyingWorkbook(mb: number): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>I1</t></is></c></row>';
  const rows = row.repeat(Math.ceil((mb * 1024 * 1024) / row.length));
  return lyingZip({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
  });
}

/** A Word document whose text inflates to `mb` MB of table rows while its zip directory says each entry is 1,000 bytes. */
export function lyingWordDocument(mb: number): Uint8Array {
  const row = '<w:tr><w:tc><w:p><w:r><w:t>27 September 2018</w:t></w:r></w:p></w:tc></w:tr>';
  const rows = row.repeat(Math.ceil((mb * 1024 * 1024) / row.length));
  return lyingZip({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${rows}</w:tbl></w:body></w:document>`,
    ),
  });
}

/**
 * A hostile PDF for tests: one page whose content stream is `inflatedMb` of spaces deflated to a few hundred
 * kB, so whatever reads its text must inflate it all.
 */
export async function pdfBomb(inflatedMb: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([600, 800]);
  const spaces = new Uint8Array(inflatedMb * 1024 * 1024).fill(32);
  const stream = doc.context.stream(zlibSync(spaces, { level: 9 }), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save();
}
