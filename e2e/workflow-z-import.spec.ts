/** Bringing an existing register in (runs after the review journeys, since it adds risks). */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { dbFingerprint, registerCell, signInAs } from './helpers';

const PAPER = fs.readFileSync(path.resolve('lib/domain/fixtures/register-2018-05-paper.txt'), 'utf8');
const CSV = [
  'ID,Category,Date identified,Event,Consequences,Impact areas,Mitigations,L,C,I,Score,Date reviewed,Summary',
  'T20,topical,01/10/2026,"Regional fraud unit funding ends","Fewer fraud investigations\nVictims wait longer","Financial\nPerformance","Bid to the Home Office\nInterim funding from reserves",3,2,3,18,01/11/2026,NEW',
].join('\n');

test.describe.serial('importing a register', () => {
  test('the paper’s table previews as 16 risks with the OCR’d refs corrected, and nothing is saved', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.getByRole('button', { name: 'Import a register' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import a register' })).toBeVisible();
    await expectNoAxeViolations(page);
    const before = dbFingerprint();
    await page.getByLabel('Paste the register').fill(PAPER);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('import-counts')).toHaveText(/^16 risks read from pasted text; \d+ warnings; 0 errors\.$/);
    for (const ref of ['I4', 'I5', 'I6', 'I7']) await expect(page.getByTestId('import-warnings')).toContainText(`read as ${ref}`);
    await expect(page.getByLabel('I1 consequences')).toHaveValue(/^Failure to discharge role of PCC Reduced public/);
    await expectNoAxeViolations(page);
    expect(dbFingerprint()).toBe(before);
  });

  test('a file that is not a register is refused with a clear message', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/register/import');
    await page.getByLabel('Or upload a file').setInputFiles({ name: 'minutes.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Address\nA,B\n') });
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('import-errors')).toContainText('This does not look like a risk register');
    await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('link', { name: 'Paste the register, or choose a file to upload' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a CSV adds its new risk when applied, and importing it again changes nothing', async ({ page }) => {
    await signInAs(page, 'staff');
    for (const expected of ['1 added, 0 updated, 0 unchanged', '0 added, 0 updated, 1 unchanged']) {
      await page.goto('/register/import');
      await page.getByLabel('Or upload a file').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByTestId('import-counts')).toHaveText('1 risks read from register.csv; 0 warnings; 0 errors.');
      await page.getByRole('button', { name: 'Apply import' }).click();
      await expect(page.getByText(`Import applied: ${expected}.`)).toBeVisible();
    }
    await expect(registerCell(page, 'T20', 'score')).toHaveText('18');
    await expect(registerCell(page, 'T20', 'summary')).toHaveText('NEW');
  });
});
