import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signInAs } from './helpers';

test.describe('the audit log', () => {
  test('an auditor reads every change, filtered, with the hash chain verified', async ({ page }) => {
    await signInAs(page, 'auditor');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('chain-status')).toContainText(/chained to the one before: \d+ entries verified intact, and all \d+ recorded rows/);
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

  test('when a history trigger is dropped, the register and the audit log tell auditors it failed verification', async ({ page }) => {
    const db = new Database(path.resolve(process.env.DATABASE_PATH || 'data/e2e.db'));
    const trigger = db.prepare("select sql from sqlite_master where type = 'trigger' and name = 'register_snapshots_no_replace'").pluck().get() as string;
    db.exec('DROP TRIGGER register_snapshots_no_replace');
    try {
      await signInAs(page, 'auditor');
      await page.goto('/register');
      await expect(page.getByTestId('audit-warning')).toContainText('The audit log failed verification: the trigger register_snapshots_no_replace');
      await expectNoAxeViolations(page);
      await page.goto('/audit');
      await expect(page.getByTestId('chain-status')).toContainText('Warning: the audit log failed verification');
    } finally {
      db.exec(trigger);
      db.close();
    }
    await page.goto('/register');
    await expect(page.getByTestId('audit-warning')).toHaveCount(0);
  });
});
