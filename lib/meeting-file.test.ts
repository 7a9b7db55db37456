import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxText, readMeetingPaper } from './meeting-file';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const row = (...cells: string[][]) => `<w:tr>${cells.map((c) => `<w:tc>${c.map(p).join('')}</w:tc>`).join('')}</w:tr>`;
const docx = (body: string) => zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`) });

describe('a Word document’s text', () => {
  it('gives paragraphs as lines and a table row as one line: cells by tabs, a cell’s paragraphs by bullets', () => {
    const xml = `<w:document ${W}><w:body>${p('Forward Work Plan &amp; items')}<w:tbl>${row(['27 th September 2018 10:30am-1pm'], ['County Hall, Trowbridge'], ['Update from the Chief Constable', 'Member questions'])}</w:tbl></w:body></w:document>`;
    expect(docxText(xml)).toBe(
      'Forward Work Plan & items\n27 th September 2018 10:30am-1pm\tCounty Hall, Trowbridge\tUpdate from the Chief Constable • Member questions',
    );
  });

  it('reads a forward work plan from Word into its meetings and items', async () => {
    const read = await readMeetingPaper({
      paper: 'plan',
      name: 'plan.docx',
      content: docx(
        `<w:tbl>${row(['Date'], ['Location'], ['Items'])}${row(['6 th December 2018'], ['Civic Office, Swindon'], ['Quarterly data (Q2)', 'Member questions'])}</w:tbl>`,
      ),
    });
    expect(read).toEqual({
      ok: true,
      paper: 'plan',
      plan: [{ on: '2018-12-06', time: null, location: 'Civic Office, Swindon', items: ['Quarterly data (Q2)', 'Member questions'] }],
    });
  });

  it('refuses, in words, a Word file that unpacks past its ceiling, a zip that is not Word, and text with no minutes', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(25 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(await readMeetingPaper({ paper: 'plan', name: 'plan.docx', content: bomb })).toEqual({
      ok: false,
      message: 'This file unpacks to more than 20 MB, far more than any forward work plan needs, so it was not read.',
    });
    expect(await readMeetingPaper({ paper: 'minutes', name: 'x.docx', content: zipSync({ 'a.txt': strToU8('a') }) })).toMatchObject({
      ok: false,
      message: /not a Word/,
    });
    expect(await readMeetingPaper({ paper: 'minutes', text: 'The Panel thanked officers.' })).toMatchObject({ ok: false, message: /No minutes were found/ });
  });
});
