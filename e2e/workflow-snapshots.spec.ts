/** Freezing the register for a meeting, and what board members and auditors can do with it. */
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { signInAs, signInByApi } from './helpers';
import { PAPER_RISKS } from './paper';
import paper from '../db/seed/register-2018-05.json';

test.describe.serial('meeting snapshots', () => {
  let url = '';

  test('staff freeze the register as at 8 May 2018 (the paper’s last review, I9’s) for the Panel meeting; its CSV reproduces the paper', async ({ page, request }) => {
    await signInAs(page, 'staff');
    await page.getByRole('link', { name: 'Snapshots' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Freeze the register' }).click();
    await expect(page.getByRole('link', { name: 'Select the meeting’s forum' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Police and Crime Panel').check();
    const meeting = page.getByRole('group', { name: 'Meeting date' });
    await meeting.getByLabel('Day').fill('14');
    await meeting.getByLabel('Month').fill('6');
    await meeting.getByLabel('Year').fill('2018');
    const asAt = page.getByRole('group', { name: 'Register as at' });
    await asAt.getByLabel('Day').fill('8');
    await asAt.getByLabel('Month').fill('5');
    await asAt.getByLabel('Year').fill('2018');
    await page.getByRole('button', { name: 'Freeze the register' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dynamic risk register as at 8 May 2018');
    await expect(page.getByTestId('snapshot-hash')).toContainText('(verified: the content matches)');
    await expect(page.getByTestId('snapshot-table').locator('tbody tr')).toHaveCount(16);
    await expectNoAxeViolations(page);
    url = new URL(page.url()).pathname;

    await signInByApi(request, 'auditor@example.org');
    const response = await request.get(`/api${url}/csv`);
    expect(response.status()).toBe(200);
    const rows = parseCsv(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.ref, r.dateIdentified, r.event, r.likelihood, r.control, r.impact, r.score, r.dateReviewed])).toEqual(
      paper.risks.map((r) => [r.id, r.dateIdentified, r.event, String(r.likelihood), String(r.control), String(r.impact), String(r.score), r.dateReviewed]),
    );
    expect(rows.map((r) => r.summary)).toEqual(PAPER_RISKS.map((r) => r.summary.replace('Reduce (previously 24) -', 'Reduced (previously 24)')));
  });

  test('board members open it but cannot export it or freeze one', async ({ page, request }) => {
    await signInAs(page, 'board');
    await page.goto(url);
    await expect(page.getByTestId('snapshot-table').locator('tbody tr')).toHaveCount(16);
    await expect(page.getByRole('link', { name: 'Download this register as CSV' })).toHaveCount(0);
    await page.goto('/snapshots');
    await expect(page.getByRole('button', { name: 'Freeze the register' })).toHaveCount(0);
    await signInByApi(request, 'board@example.org');
    expect((await request.get(`/api${url}/csv`)).status()).toBe(403);
  });
});
