import { zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARACTERS, previewRegisterFile, previewRegisterText } from './register-file';

/** Runs a preview and says how long it took, so each refusal is shown to be quick as well as clear. */
async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

describe('uploads that would stall the service are refused before they are parsed', () => {
  it('an XLSX zip bomb (a few kB that unpack to 200 MB) is refused from its directory alone', async () => {
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(200 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { result, ms } = await timed(() => previewRegisterFile('register.xlsx', bomb));
    expect(result.errors[0]!.message).toContain('unpacks to more than 20 MB');
    expect(ms).toBeLessThan(5000);
  });

  it('an XLSX whose directory understates its sizes (1,000 bytes declared, 300 MB inside) is stopped as it inflates', async () => {
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(300 * 1024 * 1024).fill(65) }, { level: 9 }));
    for (let at = 0; at < bomb.length - 4; at++) if (bomb.readUInt32LE(at) === 0x02014b50) bomb.writeUInt32LE(1000, at + 24);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const external = process.memoryUsage().arrayBuffers;
    const { result, ms } = await timed(() => previewRegisterFile('register.xlsx', bomb));
    expect(result.errors[0]!.message).toContain('unpacks to more than 20 MB');
    expect(process.memoryUsage().arrayBuffers - external).toBeLessThan(64 * 1024 * 1024);
    expect(ms).toBeLessThan(5000);
  });

  it('an XLSX with a cell longer than any register entry is refused', async () => {
    const sheet = [
      [{ value: 'ID' }, { value: 'Event' }],
      [{ value: 'I1' }, { value: 'x'.repeat(MAX_CELL_CHARACTERS + 1) }],
    ];
    const file = await writeExcelFile(sheet as never).toBuffer();
    const { result } = await timed(() => previewRegisterFile('register.xlsx', Buffer.from(file)));
    expect(result.errors[0]!.message).toContain('A cell holds more than 20,000 characters');
  });

  it('50 MB of pasted text is refused at once, unread', async () => {
    const { result, ms } = await timed(() => previewRegisterText('a'.repeat(50 * 1024 * 1024)));
    expect(result.errors[0]!.message).toContain('too long to read');
    expect(ms).toBeLessThan(1000);
  });

  it('a file that is not a zip is refused as unreadable', async () => {
    const { result } = await timed(() => previewRegisterFile('register.xlsx', Buffer.from('not a workbook')));
    expect(result.errors[0]!.message).toContain('not an Excel (.xlsx) workbook');
  });
});
