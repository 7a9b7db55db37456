/** Inspection reports, findings, links to risks and the action tracker, as staff and owners use them. */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { callAction } from './actions';
import { dbFingerprint, openTestDb, signInAs, signInByApi } from './helpers';
import { textToPdf } from './text-to-pdf';

const fixture = (name: string) => fs.readFileSync(path.resolve('lib/domain/fixtures', name), 'utf8');

test.describe.serial('inspections and actions', () => {
  test('the 2018/19 report reads the same from its PDF as from its text; importing it again is refused and saves nothing', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.getByRole('link', { name: 'Inspections' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inspections' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Import a report' }).click();
    await expectNoAxeViolations(page);

    await page.getByLabel('Paste the report’s text').fill(fixture('peel-2018-19-wiltshire.txt'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-findings-count')).toHaveText('Findings (8)');
    await expect(page.getByLabel('Force')).toHaveValue('Wiltshire Police');

    await page.goto('/inspections/import');
    await page.getByLabel('Or upload the published PDF, or a text file').setInputFiles({
      name: 'wiltshire-2018-19.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await textToPdf(fixture('peel-2018-19-wiltshire.txt'))),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-findings-count')).toHaveText('Findings (8)');
    await expect(page.getByTestId('preview-finding').nth(6)).toContainText('has enough capability and capacity to counter corruption');
    await expect(page.getByLabel('Component of finding 1')).toHaveValue('Tackling serious and organised crime');
    await expect(page.getByTestId('duplicate-warning')).toContainText(
      /This report has already been imported as inspection \d+\. Saving it again will be refused unless its force, title or year below is different\./,
    );
    await expectNoAxeViolations(page);
    const before = dbFingerprint();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect(page.getByRole('link', { name: /This report has already been imported: see inspection \d+\. Nothing was saved\./ })).toBeVisible();
    expect(dbFingerprint()).toBe(before);
  });

  test('a new report is confirmed, then a finding is linked to a risk and shows on both pages', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/inspections/import');
    await page.getByLabel('Paste the report’s text').fill(fixture('report-cause-of-concern.md'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-findings-count')).toHaveText('Findings (4)');
    await expect(page.getByTestId('duplicate-warning')).toHaveCount(0);
    await page.getByLabel('Day').fill('3');
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect(page.getByText('Report imported with 4 findings.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Investigating crime' })).toContainText('NORT-202122-COC-01');
    await expect(page.getByRole('cell', { name: 'Inadequate' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'NORT-202122-AFI-01' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'NORT-202122-AFI-01' })).toBeVisible();
    await page.getByLabel('Risk this finding bears on').selectOption('T6');
    await page.getByRole('button', { name: 'Link risk' }).click();
    await expect(page.getByText('Linked to T6.')).toBeVisible();
    await page.getByLabel('Progress note').fill('Force has agreed a training plan');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('finding-notes')).toContainText('Demo Staff Officer: Force has agreed a training plan');
    await expectNoAxeViolations(page);

    await page.goto('/risks/T6');
    await expect(page.getByTestId('risk-findings')).toContainText('NORT-202122-AFI-01');
    await expect(page.getByTestId('risk-findings')).toContainText('Requires improvement');
    await expectNoAxeViolations(page);

    // Published 3 October 2022, so the s.55 response was due 28 November 2022: the register says so until it is published.
    await page.goto('/register');
    const warning = page.locator('.govuk-warning-text').filter({ hasText: 'PEEL: Police effectiveness 2021/22 - An inspection of Northshire Constabulary' });
    await expect(warning).toContainText('was due on 28 November 2022');
    await warning.getByRole('link').click();
    await expect(page.getByText('The PCC’s s.55 response was due on 28 November 2022')).toBeVisible();
    await page.getByText('Update the s.55 response').click();
    await page.getByLabel('Published', { exact: true }).check();
    // No publication date is stored yet, so the boxes start empty.
    await expect(page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Year')).toHaveValue('');
    await page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Day').fill('1');
    await page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Month').fill('1');
    await page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Year').fill('2099');
    await page.getByRole('button', { name: 'Save response status' }).click();
    await expect(page.getByRole('link', { name: 'The date the response was published must be today or in the past' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Day').fill('25');
    await page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Month').fill('11');
    await page.getByRole('group', { name: 'Date published (when published)' }).getByLabel('Year').fill('2022');
    await page.getByRole('button', { name: 'Save response status' }).click();
    await expect(page.getByText('The s.55 response has been updated.')).toBeVisible();
    await page.goto('/register');
    await expect(page.locator('.govuk-warning-text').filter({ hasText: 'Northshire' })).toHaveCount(0);
  });

  test('the s.55 form shows the stored publication date; an unchanged save changes nothing; bad dates and links are refused', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/inspections/2');
    await expect(page.getByText('Published on 20 June 2019')).toBeVisible();
    const before = dbFingerprint();
    await page.getByText('Update the s.55 response').click();
    const date = page.getByRole('group', { name: 'Date published (when published)' });
    await expect(date.getByLabel('Day')).toHaveValue('20');
    await expect(date.getByLabel('Month')).toHaveValue('6');
    await expect(date.getByLabel('Year')).toHaveValue('2019');
    await page.getByRole('button', { name: 'Save response status' }).click();
    await expect(page.getByText('Nothing had changed, so nothing was saved.')).toBeVisible();
    expect(dbFingerprint()).toBe(before);
    await page.reload();
    await expect(page.getByText('Published on 20 June 2019')).toBeVisible();

    await page.getByText('Update the s.55 response').click();
    await date.getByLabel('Year').fill('2018');
    await page.getByLabel('Link to the published response (optional)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save response status' }).click();
    await expect(page.getByRole('link', { name: 'Enter the web address of the published response, starting https://' })).toBeVisible();
    await expect(page.getByLabel('Link to the published response (optional)')).toHaveValue('javascript:alert(1)');
    await expectNoAxeViolations(page);
    await page.getByLabel('Link to the published response (optional)').fill('https://www.example.org/s55-response');
    await page.getByRole('button', { name: 'Save response status' }).click();
    await expect(page.getByRole('link', { name: /The response date must be on or after .* when the report was published/ })).toBeVisible();
    await expect(date.getByLabel('Year')).toHaveValue('2018');
    expect(dbFingerprint()).toBe(before);
  });

  test('an action is added, its date revised with a reason, and completed by its owner', async ({ page, browser }) => {
    await signInAs(page, 'staff');
    await page.goto('/actions/new');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByRole('link', { name: 'Enter what needs to be done' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('What needs to be done').fill('Check the new triage desk is staffed');
    await page.getByLabel('A risk (its mitigation)').check();
    await page.getByLabel('Risk (if it mitigates one)').selectOption('T6');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Demo Risk Owner' });
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByText('Action added.')).toBeVisible();
    const url = page.url();

    await page.getByRole('button', { name: 'Revise due date' }).click();
    await expect(page.getByRole('link', { name: 'Enter why the due date is changing' })).toBeVisible();
    await page.getByRole('group', { name: 'New due date' }).getByLabel('Day').fill('28');
    await page.getByRole('group', { name: 'New due date' }).getByLabel('Month').fill('2');
    await page.getByRole('group', { name: 'New due date' }).getByLabel('Year').fill('2027');
    await page.getByLabel('Why the date is changing').fill('training provider postponed');
    await page.getByRole('button', { name: 'Revise due date' }).click();
    // The confirmation is at the top of the page, above the action's heading, not beside the form.
    await expect(page.locator('main > .govuk-notification-banner--success')).toContainText('Due date revised.');
    await expect(page.getByTestId('due-history')).toContainText('31 January 2027: set by Demo Staff Officer');
    await expect(page.getByTestId('due-history')).toContainText('28 February 2027: revised by Demo Staff Officer, because training provider postponed');

    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signInAs(owner, 'owner');
    await owner.goto('/actions/mine');
    await owner.getByRole('link', { name: 'Check the new triage desk is staffed' }).click();
    await expect(owner).toHaveURL(url.replace(/\?created=1$/, ''));
    await owner.getByLabel('Progress update').fill('Desk staffed from 1 February');
    await owner.getByLabel('Completed').check();
    await owner.getByRole('button', { name: 'Record update' }).click();
    await expect(owner.locator('main > .govuk-notification-banner--success')).toContainText('Update recorded.');
    await expect(owner.getByTestId('action-status')).toContainText('Completed');
    await expect(owner.getByTestId('action-updates')).toContainText('Demo Risk Owner (Completed): Desk staffed from 1 February');
    await expectNoAxeViolations(owner);
    await owner.goto('/actions/mine');
    await expectNoAxeViolations(owner);
    await ownerContext.close();
    await page.goto('/actions?overdue=yes');
    await expect(page.getByTestId('actions-table')).toContainText('Agree with the Force how vetting decisions will be monitored');
    await expect(page.getByTestId('actions-table')).not.toContainText('Check the new triage desk is staffed');
    await expectNoAxeViolations(page);
  });

  test('an owner cannot update someone else’s action, in the page or on the server', async ({ page, request }) => {
    await signInAs(page, 'owner');
    const db = openTestDb();
    const other = db.prepare("select id, version from actions where title like 'Provide the Panel%'").get() as { id: number; version: number };
    db.close();
    await page.goto(`/actions/${other.id}`);
    await expect(page.getByRole('button', { name: 'Record update' })).toHaveCount(0);
    await signInByApi(request, 'owner@example.org');
    const before = dbFingerprint();
    const forged = await callAction(request, 'app/(signed-in)/actions/server-actions.ts#addActionUpdateAction', `/actions/${other.id}`, {
      id: String(other.id),
      version: String(other.version),
      status: 'cancelled',
      note: 'not mine',
    });
    expect(forged.text).toContain('You do not have permission to do this');
    expect(dbFingerprint()).toBe(before);
  });

  test('bad files get a clear message and save nothing', async ({ page }, testInfo) => {
    const huge = testInfo.outputPath('huge.pdf');
    fs.mkdirSync(path.dirname(huge), { recursive: true });
    fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
    await signInAs(page, 'staff');
    const before = dbFingerprint();
    const blank = await PDFDocument.create();
    blank.addPage();
    const cases: Array<[string, { name: string; mimeType: string; buffer: Buffer } | string, string]> = [
      [
        'not a report',
        { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the meeting\n- apologies\n- any other business') },
        'This does not look like an HMICFRS inspection report',
      ],
      ['empty', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, 'The file is empty'],
      ['50 MB', huge, 'The file must be smaller than 20 MB'],
      ['a PDF with no text', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await blank.save()) }, 'The PDF has no text to read'],
    ];
    for (const [, file, message] of cases) {
      await page.goto('/inspections/import');
      await page.getByLabel('Or upload the published PDF, or a text file').setInputFiles(file);
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('link', { name: new RegExp(message) })).toBeVisible({ timeout: 20_000 });
    }
    await expectNoAxeViolations(page);
    expect(dbFingerprint()).toBe(before);
  });
});
