import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { signInAs } from './helpers';

test.describe('the audit log', () => {
  test('an auditor reads every change, filtered, with the hash chain verified', async ({ page }) => {
    await signInAs(page, 'auditor');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('chain-status')).toContainText(/hash-chained: \d+ entries verified intact/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Change').selectOption('risk.import');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=risk.import/);
    await expect(page.locator('tbody tr')).toHaveCount(16);
    await expect(page.locator('tbody')).toContainText('Imported I1 from the register of 4 May 2018');
  });

  test('a board member may not read it', async ({ page }) => {
    await signInAs(page, 'board');
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    const response = await page.goto('/audit');
    expect(response?.status()).toBe(403);
  });
});
