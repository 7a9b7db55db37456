/**
 * The meetings journey (issue 28) on the seed pack: import the Panel's forward work plan (as a Word file), import
 * the minutes of 22 March and 9 May 2018, confirm the nine commitments, see the stress-related absences report
 * flagged as not on the 27 September 2018 plan, resolve it by adding it to the plan, freeze the register for that
 * meeting chosen from the list, and find the matters arising in its covering report's PDF (tagged) and Word file.
 * Bad files and pastes get a clear error and write nothing. Runs after workflow-snapshots, whose report is for
 * the 14 June 2018 meeting before any meeting is recorded (the suite's database is set up without the demo
 * meetings: scripts/test.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { dbFingerprint, signInAs, signInByApi } from './helpers';
import { allNodes, structureTree } from './pdf-structure';
import readXlsxFile from 'read-excel-file/node';
import { COMMITMENTS_XLSX_HEADERS } from '../lib/commitments-xlsx';
import { extractPdfText } from '../lib/report-file';

const FIXTURES = path.join(__dirname, '..', 'lib', 'domain', 'fixtures');
const MINUTES = fs.readFileSync(path.join(FIXTURES, 'minutes-2018-03-22-and-05-09.txt'));
const PLAN = fs.readFileSync(path.join(FIXTURES, 'forward-plan-2018.txt'), 'utf8');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(s)}</w:t></w:r></w:p>`;

/** The plan as Word prints it: a table of date, location and items, each item a paragraph of its cell. */
function planAsDocx(): Buffer {
  const rows = PLAN.split('\n')
    .map((line) => line.replace(/<[^>]*>/g, ' ').split('\t'))
    .filter((cells) => /^\s*\d/.test(cells[0] ?? '') || cells[0] === 'Date')
    .map((cells) => {
      const items = (cells[2] ?? '').split('•').map((i) => i.trim());
      return `<w:tr><w:tc>${para(cells[0]!.trim())}</w:tc><w:tc>${para((cells[1] ?? '').trim())}</w:tc><w:tc>${items.filter(Boolean).map(para).join('') || para('')}</w:tc></w:tr>`;
    });
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('Police and Crime Panel Forward Work Plan')}<w:tbl>${rows.join('')}</w:tbl></w:body></w:document>`;
  return Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) }));
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel('Or upload its PDF, Word or text file').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Preview' }).click();
}

test.describe.serial('meetings and commitments', () => {
  test('bad files and pastes get a clear error and write nothing', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/meetings/import-minutes');
    await expectNoAxeViolations(page);
    const before = dbFingerprint();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('link', { name: 'Paste the minutes, or choose its PDF, Word or text file' })).toBeVisible();
    await page.getByLabel('Paste the minutes').fill('The Panel thanked officers for their hard work.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('link', { name: /No minutes were found: the text must name its meeting/ })).toBeVisible();
    await expect(page.getByLabel('Paste the minutes')).toHaveValue('The Panel thanked officers for their hard work.');
    await expectNoAxeViolations(page);
    await page.getByLabel('Paste the minutes').fill('');
    await upload(page, 'minutes.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n this is not a PDF at all'));
    await expect(page.getByRole('link', { name: 'The PDF could not be read: it may be damaged or password-protected' })).toBeVisible();
    // A Word file that unpacks far past any plan's size is refused without being read.
    await page.goto('/meetings/import-plan');
    await expectNoAxeViolations(page);
    const bomb = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(30 * 1024 * 1024) }, { level: 9 }));
    await upload(page, 'plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bomb);
    await expect(page.getByRole('link', { name: /unpacks to more than 20 MB/ })).toBeVisible();
    await upload(page, 'plan.exe', 'application/octet-stream', Buffer.from([0, 1, 2, 3]));
    await expect(page.getByRole('link', { name: /The file must be a PDF, a Word \(.docx\) document, or text/ })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(dbFingerprint()).toBe(before);
  });

  test('staff import the forward work plan from Word and the minutes, and confirm the nine commitments', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.getByRole('link', { name: 'Meetings' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Import a forward work plan' }).click();
    await upload(page, 'forward-work-plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', planAsDocx());
    await expect(page.getByTestId('plan-count')).toContainText('6 meetings found');
    await expect(page.getByTestId('plan-meeting').nth(1)).toContainText('27 September 2018, 10:30am-1pm, County Hall, Trowbridge');
    await expect(page.getByTestId('plan-meeting').nth(1)).toContainText('Update from the Chief Constable');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect(page.getByText('Forward work plan saved: 6 meetings (6 new), 18 agenda items added')).toBeVisible();
    await expect(page.getByTestId('meeting-row')).toHaveCount(6);

    await page.getByRole('link', { name: 'Import minutes' }).click();
    await upload(page, 'minutes-2018.txt', 'text/plain', MINUTES);
    await expect(page.getByTestId('proposal')).toHaveCount(9);
    await expect(page.getByTestId('proposal').nth(2)).toContainText(
      '“The Chairman requested that a report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting.”',
    );
    await expect(page.getByLabel('Meeting commitment 3 is due at (the minutes say “the September 2018 meeting”)')).toHaveValue('2018-09-27');
    await expectNoAxeViolations(page);
    // Confirming without owners: each is named, and nothing typed is lost.
    await page.getByLabel('What commitment 1 promises').fill('An extract of the plan to PCP members at the next meeting');
    await page.getByRole('button', { name: 'Confirm and record' }).click();
    await expect(page.getByRole('link', { name: 'Select the owner of commitment 1' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter when commitment 2 is due, or select the meeting it is due at' })).toBeVisible();
    await expect(page.getByLabel('What commitment 1 promises')).toHaveValue('An extract of the plan to PCP members at the next meeting');
    await expectNoAxeViolations(page);
    for (let n = 1; n <= 9; n++) await page.getByLabel(`Owner of commitment ${n}`).selectOption({ label: 'Demo Staff Officer' });
    for (const n of [2, 5, 6]) await page.getByLabel(`Due date of commitment ${n}`).fill('14/6/2018');
    for (const n of [7, 8, 9]) await page.getByLabel(`Due date of commitment ${n}`).fill('27 September 2018');
    await page.getByLabel('Risk commitment 4 bears on (optional)').selectOption('I1');
    await page.getByRole('button', { name: 'Confirm and record' }).click();
    await expect(page.getByText('9 commitments recorded as actions')).toBeVisible();
    await expect(page.getByTestId('meeting-row')).toHaveCount(8);
    await expect(page.getByTestId('off-plan-count')).toContainText('1 commitment is not on the forward plan of the meeting it is due at');
    await expectNoAxeViolations(page);

    // The same minutes again propose nothing new: each is already recorded.
    await page.getByRole('link', { name: 'Import minutes' }).click();
    await upload(page, 'minutes-2018.txt', 'text/plain', MINUTES);
    await expect(page.getByTestId('already-recorded')).toHaveCount(9);
  });

  test('the stress report is flagged on the dashboard and its meeting; staff resolve it by adding it to the plan', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/dashboard');
    const flag = page.getByTestId('off-plan-flag');
    await expect(flag).toHaveText(/^Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan: A report re Wiltshire Police stress/);
    await flag.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meeting of 27 September 2018');
    await expect(page.getByTestId('off-plan')).toContainText('Requested at minute 24 for the 27 September 2018 meeting; not on its forward plan');
    await expectNoAxeViolations(page);
    // Moving without a reason is refused by name; nothing moves.
    await page.getByRole('button', { name: 'Move it' }).click();
    await expect(page.getByRole('link', { name: 'Enter why it moves' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Agenda item that carries it').fill('Report on Wiltshire Police stress related absences');
    await page.getByRole('button', { name: 'Add it to the plan' }).click();
    await expect(page.getByText('Item added to the plan')).toBeVisible();
    await expect(page.getByTestId('off-plan')).toHaveCount(0);
    await expect(page.getByTestId('agenda')).toContainText('Report on Wiltshire Police stress related absences (added to carry a commitment)');
    await expect(page.getByTestId('due-here')).toHaveCount(1);
    await expectNoAxeViolations(page);

    // Board members read the meeting, without the forms.
    await page.context().clearCookies();
    await signInAs(page, 'board');
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Police and Crime Panel, 27 September 2018' }).click();
    await expect(page.getByTestId('due-here')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Add the item' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('the covering report for the 27 September 2018 meeting lists its matters arising, in the PDF (tagged) and Word', async ({ page, request }) => {
    await signInAs(page, 'staff');
    await page.goto('/snapshots');
    await page.getByLabel('Recorded meeting').selectOption({ label: 'Police and Crime Panel, 27 September 2018' });
    const asAt = page.getByRole('group', { name: 'Register as at' });
    await asAt.getByLabel('Day').fill('8');
    await asAt.getByLabel('Month').fill('5');
    await asAt.getByLabel('Year').fill('2018');
    await page.getByRole('button', { name: 'Freeze the register' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dynamic risk register as at 8 May 2018');
    const snapshot = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Covering report for this meeting' }).click();
    await page.getByRole('button', { name: 'Draft the covering report' }).click();
    await page.goto(`${snapshot}/report`);
    const report = page.getByTestId('covering-report');
    await expect(report.getByRole('heading', { level: 3 })).toContainText([
      '6. Risks Removed Since the Last Report',
      '7. Matters Arising',
      '8. Future Reviews of Risk Register',
    ]);
    await expect(report).toContainText('One commitment made at an earlier meeting is due at this meeting:');
    await expect(report).toContainText('Minute 24 (22 March 2018): A report re Wiltshire Police stress related absences');
    await expect(report).toContainText('remain open:');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Publish the covering report' }).click();
    await page.getByLabel('I have read the draft and it is ready to publish').check();
    await page.getByRole('button', { name: 'Publish the covering report' }).click();
    await expect(page.getByText('Covering report published.')).toBeVisible();

    await signInByApi(request, 'board@example.org');
    const pdf = await request.get(`/api${snapshot}/report/pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = new Uint8Array(await pdf.body());
    const text = (await extractPdfText(bytes.slice())).replace(/\s+/g, ' ');
    expect(text).toContain('7. Matters Arising');
    expect(text).toContain('A report re Wiltshire Police stress related absences was put on the forward work plan for the September 2018 meeting');
    // The matters arising are a tagged list, as the rest of the report is.
    const nodes = allNodes(await structureTree(bytes));
    expect(nodes.filter((n) => n.type === 'L').length).toBeGreaterThanOrEqual(2);
    expect(nodes.some((n) => n.type === 'H2' || n.type === 'H1')).toBe(true);
    const docx = await request.get(`/api${snapshot}/report/docx`);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!);
    expect(xml).toContain('Matters Arising');
    expect(xml).toContain('A report re Wiltshire Police stress related absences');

    // The commitments export, as board members may download it: CSV with codes, XLSX in words, both quoting the minutes.
    const csv = await (await request.get('/api/exports/commitments')).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(10);
    expect(csv).toContain('The Chairman requested that a report re Wiltshire Police stress related absences was put on the forward work plan');
    const xlsx = await request.get('/api/exports/commitments?format=xlsx');
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.body()));
    expect(sheet!.data).toHaveLength(10);
    expect(sheet!.data.map((r) => r[COMMITMENTS_XLSX_HEADERS.indexOf('Source')])).toContain('Panel, 22 March 2018, minute 24');
    expect((await request.get('/api/exports/commitments?format=pdf')).status()).toBe(400);
  });
});
