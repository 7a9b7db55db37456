import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Typesets report text as a PDF for tests: one line of text per line, tab-separated cells at fixed
 * columns, blank lines as paragraph gaps; characters the standard font cannot show become plain ones.
 */
export async function textToPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 9;
  const safe = (s: string) =>
    [...s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-')]
      .map((ch) => {
        try {
          font.encodeText(ch);
          return ch;
        } catch {
          return '?';
        }
      })
      .join('');
  let page = doc.addPage([1400, 1191]);
  let y = 1150;
  for (const line of text.split(/\r?\n/)) {
    if (y < 40) {
      page = doc.addPage([1400, 1191]);
      y = 1150;
    }
    if (line.trim() === '') {
      y -= size * 1.2;
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    const cells = line.trimStart().split('\t');
    cells.forEach((cell, i) => {
      const content = safe(cell);
      if (content.trim()) page.drawText(content.slice(0, 400), { x: 30 + indent * 10 + i * 300, y, size, font });
    });
    y -= size * 1.3;
  }
  return doc.save();
}
