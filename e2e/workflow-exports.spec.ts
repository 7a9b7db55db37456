/** Auditors' exports: the review history in CSV, JSON and XLSX (safe in a spreadsheet), and the evidence pack. */
import { parse as parseCsv } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { REVIEW_EXPORT_XLSX_COLUMNS } from '../lib/review-export-xlsx';
import { expect, test } from '@playwright/test';
import { reviewI10 } from './actions';
import { expectNoAxeViolations } from './accessibility';
import { signInAs, signInByApi } from './helpers';

const COLUMNS = [
  'ref',
  'category',
  'event',
  'reviewedOn',
  'forum',
  'reviewer',
  'likelihood',
  'control',
  'impact',
  'score',
  'band',
  'direction',
  'previousScore',
  'reason',
  'appetite',
  'recordedAt',
  'reviewNumber',
  'entry',
  'correctedBy',
  'correctionReason',
  'reviewedOnNote',
];

test('the review history round-trips through CSV, JSON and XLSX, with formulas neutralised', async ({ request }) => {
  await signInByApi(request, 'staff@example.org');
  const saved = await reviewI10(request, {
    likelihood: '2',
    control: '2',
    impact: '3',
    reason: '=HYPERLINK("http://example.invalid","click")',
    event: 'OPCC fails to meet its legal requirements',
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
  // The spreadsheet's headers read as on the page; its dates are date cells.
  expect(header).toEqual(COLUMNS.map((c) => REVIEW_EXPORT_XLSX_COLUMNS[c as keyof typeof REVIEW_EXPORT_XLSX_COLUMNS].header));
  expect(csv.length).toBeGreaterThan(30);
  expect(json).toHaveLength(csv.length);
  expect(xlsxRows).toHaveLength(csv.length);
  csv.forEach((row, i) => {
    expect([row.ref, row.reviewedOn || null, Number(row.score)]).toEqual([json[i]!.ref, json[i]!.reviewedOn, json[i]!.score]);
    expect([xlsxRows[i]![0], Number(xlsxRows[i]![9])]).toEqual([row.ref, Number(row.score)]);
    const reviewedOn = xlsxRows[i]![COLUMNS.indexOf('reviewedOn')];
    expect(reviewedOn instanceof Date ? reviewedOn.toISOString().slice(0, 10) : reviewedOn).toBe(row.reviewedOn || null);
  });

  const i1 = csv.filter((r) => r.ref === 'I1');
  expect(i1.map((r) => [r.score, r.direction, r.previousScore])).toEqual(
    expect.arrayContaining([
      ['16', 'New', ''],
      ['24', 'Increased', '16'],
    ]),
  );
  const formula = csv.find((r) => r.ref === 'I10' && r.reason?.includes('HYPERLINK'))!;
  expect(formula.reason).toBe(`'=HYPERLINK("http://example.invalid","click")`);
  expect([formula.direction, formula.previousScore, formula.score]).toEqual(['Increased', '8', '12']);

  const filtered = (await (await request.get('/api/exports/reviews?format=json&risk=I8&from=2018-01-01&to=2018-12-31')).json()) as Array<
    Record<string, unknown>
  >;
  expect(filtered.map((r) => [r.ref, r.reviewedOn, r.score, r.appetite])).toEqual([['I8', '2018-05-04', 24, 30]]);
  const bad = await request.get('/api/exports/reviews?format=pdf&from=2018-02-30');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ fieldErrors: { format: ['format must be csv, xlsx or json'], from: ['from must be a real date as YYYY-MM-DD'] } });
});

test('board members cannot export in bulk', async ({ request }) => {
  await signInByApi(request, 'board@example.org');
  expect((await request.get('/api/exports/reviews?format=csv')).status()).toBe(403);
});

test('the exports page: bad dates get an error summary and keep what was typed; a good choice gives the download', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exports for audit');
  await expectNoAxeViolations(page);

  const from = page.getByRole('group', { name: 'Reviewed from (optional)' });
  await from.getByLabel('Day').fill('30');
  await from.getByLabel('Month').fill('2');
  await from.getByLabel('Year').fill('2018');
  await page.getByLabel('Risk ID (optional)').fill('I1; DROP TABLE reviews');
  await page.getByRole('button', { name: 'Prepare the review history' }).click();
  await expect(page.getByRole('link', { name: 'The from date must be a real date, like 4 5 2018' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Enter a risk ID such as I1 or T7/ })).toBeVisible();
  await expect(page.getByLabel('Risk ID (optional)')).toHaveValue('I1; DROP TABLE reviews');
  await expect(from.getByLabel('Day')).toHaveValue('30');
  await expect(page.getByTestId('reviews-ready')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await from.getByLabel('Day').fill('1');
  await page.getByLabel('Risk ID (optional)').fill('i1');
  await page.getByLabel('JSON').check();
  await page.getByRole('button', { name: 'Prepare the review history' }).click();
  await expect(page.getByTestId('reviews-ready').getByRole('link')).toHaveAttribute('href', '/api/exports/reviews?format=json&risk=I1&from=2018-02-01');
  const rows = (await (await page.request.get('/api/exports/reviews?format=json&risk=I1&from=2018-02-01')).json()) as Array<{ ref: string }>;
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r.ref))).toEqual(new Set(['I1']));

  const asAt = page.getByRole('group', { name: 'Register as at (optional)' });
  await asAt.getByLabel('Day').fill('8');
  await asAt.getByLabel('Month').fill('5');
  await asAt.getByLabel('Year').fill('2018');
  await page.getByRole('button', { name: 'Prepare the evidence pack' }).click();
  const link = page.getByTestId('pack-ready').getByRole('link', { name: 'download the evidence pack (ZIP)' });
  await expect(link).toHaveAttribute('href', '/api/exports/evidence-pack?asAt=2018-05-08');
  await expectNoAxeViolations(page);
  const zip = await page.request.get('/api/exports/evidence-pack?asAt=2018-05-08');
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(await zip.body()));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: Array<{ name: string; sha256: string }>; auditChain: { verified: boolean } };
  expect(manifest.auditChain.verified).toBe(true);
  expect(manifest.files.map((f) => f.name).slice(0, 2)).toEqual(['review-history.csv', 'register-as-at-2018-05-08.csv']);
  for (const f of manifest.files) expect(createHash('sha256').update(files[f.name]!).digest('hex'), f.name).toBe(f.sha256);
  expect(parseCsv(strFromU8(files['register-as-at-2018-05-08.csv']!), { columns: true })).toHaveLength(16);
});

test('staff may export the review history but not the evidence pack; board members see no exports page', async ({ page, request }) => {
  await signInAs(page, 'staff');
  await page.goto('/exports');
  await expect(page.getByRole('heading', { name: 'Review history' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Evidence pack' })).toHaveCount(0);
  await signInByApi(request, 'staff@example.org');
  expect((await request.get('/api/exports/evidence-pack')).status()).toBe(403);
  await page.context().clearCookies();
  await signInAs(page, 'board');
  await expect(page.getByRole('link', { name: 'Exports' })).toHaveCount(0);
  const response = await page.goto('/exports');
  expect(response?.status()).toBe(403);
  await signInByApi(request, 'board@example.org');
  expect((await request.get('/api/exports/evidence-pack')).status()).toBe(403);
});
