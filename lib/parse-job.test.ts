import { describe, expect, it } from 'vitest';
import { lyingWorkbook, pdfBomb } from '../e2e/hostile-files';
import { textToPdf } from '../e2e/text-to-pdf';
import { PARSE_LIMITS, previewRegisterApart, readReportApart, runParseJob } from './parse-job';
import fs from 'node:fs';

const REPORT = fs.readFileSync('lib/domain/fixtures/peel-2018-19-wiltshire.txt', 'utf8');

describe('uploads and pastes are read in a process of their own, within limits', () => {
  it('a workbook that lies about its size is refused as it inflates, in the child', async () => {
    const result = await previewRegisterApart({ kind: 'register', name: 'register.xlsx', content: lyingWorkbook(300) });
    expect(result.errors[0]!.message).toContain('unpacks to more than 20 MB');
  });

  it('a PDF that inflates to 500 MB is stopped by the memory ceiling, and this process holds none of it', async () => {
    const bomb = await pdfBomb(500);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const outcome = await runParseJob({ kind: 'report', name: 'report.pdf', content: bomb }, { ...PARSE_LIMITS, residentMb: 300 });
    expect(outcome).toEqual({ ok: false, reason: 'memory' });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    const read = await readReportApart({ kind: 'report', name: 'report.pdf', content: bomb });
    expect(read).toEqual({ ok: false, message: expect.stringContaining('more memory to read than any inspection report should') });
  }, 30_000);

  it('a job that runs past its time is stopped and said to be too slow', async () => {
    const outcome = await runParseJob({ kind: 'report', text: REPORT }, { ...PARSE_LIMITS, timeoutMs: 20 });
    expect(outcome).toEqual({ ok: false, reason: 'timeout' });
  });

  it('a PDF of 40,000 "[](" sequences and a published report each read in seconds', async () => {
    const brackets = await textToPdf(Array.from({ length: 400 }, () => '[]('.repeat(100)).join('\n'));
    const started = performance.now();
    const hostile = await readReportApart({ kind: 'report', name: 'brackets.pdf', content: brackets });
    expect(hostile.ok).toBe(false);
    const report = await readReportApart({ kind: 'report', name: 'report.pdf', content: await textToPdf(REPORT) });
    expect(report.ok && report.report.force).toBe('Wiltshire Police');
    expect(performance.now() - started).toBeLessThan(8_000);
  }, 30_000);

  it('a paste over the length limit is refused unread', async () => {
    const read = await readReportApart({ kind: 'report', text: 'x'.repeat(500_001) });
    expect(read).toEqual({ ok: false, message: expect.stringContaining('more than the 500,000 any inspection report needs') });
  });
});
