/** Auditors' review-history export: the same rows in CSV, JSON and XLSX, safe to open in a spreadsheet. */
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from '@playwright/test';
import { callAction } from './actions';
import { openTestDb, signInByApi } from './helpers';

const COLUMNS = ['ref', 'category', 'event', 'reviewedOn', 'forum', 'reviewer', 'likelihood', 'control', 'impact', 'score', 'band', 'direction', 'previousScore', 'reason', 'appetite', 'recordedAt'];

test('the review history round-trips through CSV, JSON and XLSX, with formulas neutralised', async ({ request }) => {
  await signInByApi(request, 'staff@example.org');
  const db = openTestDb();
  const { version } = db.prepare("select version from risks where ref = 'I10'").get() as { version: number };
  db.close();
  const now = new Date();
  const saved = await callAction(request, 'app/(signed-in)/risks/[ref]/review/server-actions.ts#reviewRiskAction', '/risks/I10/review', {
    ref: 'I10', intent: 'save', version: String(version), 'reviewedOn-day': String(now.getDate()), 'reviewedOn-month': String(now.getMonth() + 1), 'reviewedOn-year': String(now.getFullYear()),
    forum: 'monthly', likelihood: '2', control: '2', impact: '3', reason: '=HYPERLINK("http://example.invalid","click")', event: 'OPCC fails to meet its legal requirements',
    consequences: 'Criticism from Government', impactAreas: 'Reputational',
  });
  expect(saved.status).toBeLessThan(400);

  await signInByApi(request, 'auditor@example.org');
  const csvResponse = await request.get('/api/exports/reviews?format=csv');
  expect(csvResponse.headers()['content-type']).toContain('text/csv');
  const csv = parseCsv(await csvResponse.text(), { columns: true }) as Array<Record<string, string>>;
  const json = (await (await request.get('/api/exports/reviews?format=json')).json()) as Array<Record<string, unknown>>;
  const xlsx = await readXlsxFile(Buffer.from(await (await request.get('/api/exports/reviews?format=xlsx')).body()));
  const [header, ...xlsxRows] = xlsx[0]!.data;

  expect(Object.keys(csv[0]!)).toEqual(COLUMNS);
  expect(header).toEqual(COLUMNS);
  expect(csv.length).toBeGreaterThan(30);
  expect(json).toHaveLength(csv.length);
  expect(xlsxRows).toHaveLength(csv.length);
  csv.forEach((row, i) => {
    expect([row.ref, row.reviewedOn || null, Number(row.score)]).toEqual([json[i]!.ref, json[i]!.reviewedOn, json[i]!.score]);
    expect([xlsxRows[i]![0], Number(xlsxRows[i]![9])]).toEqual([row.ref, Number(row.score)]);
  });

  const i1 = csv.filter((r) => r.ref === 'I1');
  expect(i1.map((r) => [r.score, r.direction, r.previousScore])).toEqual(expect.arrayContaining([['16', 'New', ''], ['24', 'Increased', '16']]));
  const formula = csv.find((r) => r.ref === 'I10' && r.reason?.includes('HYPERLINK'))!;
  expect(formula.reason).toBe(`'=HYPERLINK("http://example.invalid","click")`);
  expect([formula.direction, formula.previousScore, formula.score]).toEqual(['Increased', '8', '12']);

  const filtered = (await (await request.get('/api/exports/reviews?format=json&risk=I8&from=2018-01-01&to=2018-12-31')).json()) as Array<Record<string, unknown>>;
  expect(filtered.map((r) => [r.ref, r.reviewedOn, r.score, r.appetite])).toEqual([['I8', '2018-05-04', 24, 30]]);
  const bad = await request.get('/api/exports/reviews?format=pdf&from=2018-02-30');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ fieldErrors: { format: ['format must be csv, xlsx or json'], from: ['from must be a real date as YYYY-MM-DD'] } });
});

test('board members cannot export in bulk', async ({ request }) => {
  await signInByApi(request, 'board@example.org');
  expect((await request.get('/api/exports/reviews?format=csv')).status()).toBe(403);
});
