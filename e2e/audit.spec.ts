import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import path from 'node:path';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { DEMO_USERS, signInAs, signInByApi } from './helpers';

const databaseFile = path.resolve(process.env.DATABASE_PATH || 'data/e2e.db');

/** The full check as an operator runs it (and the daily job): exit code and what it printed. */
function fullCheck(): { code: number; out: string } {
  try {
    const out = execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_PATH: databaseFile },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, out };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, out: e.stderr };
  }
}

test.describe('the audit log', () => {
  test('an auditor reads every change, filtered, with the hash chain verified', async ({ page, request }) => {
    // Each sign-in is an entry: enough of them that the log runs to a second page.
    for (let i = 0; i < 55; i++) await signInByApi(request, DEMO_USERS.auditor.email);
    await signInAs(page, 'auditor');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('chain-status')).toContainText(/chained to the one before: the [\d,]+ entries since the last full check are chained intact/);
    await expectNoAxeViolations(page);
    // Paged, fifty at a time, newest first.
    await expect(page.locator('tbody tr')).toHaveCount(50);
    const caption = (await page.locator('caption').textContent()) ?? '';
    const total = Number(/of ([\d,]+), newest first/.exec(caption)![1]!.replace(/,/g, ''));
    expect(caption).toBe(`Entries 1 to 50 of ${total.toLocaleString('en-GB')}, newest first`);
    await page.getByRole('navigation', { name: 'Pages of the audit log' }).getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('caption')).toHaveText(new RegExp(`^Entries 51 to ${Math.min(100, total)} of`));
    await expectNoAxeViolations(page);

    // Filters in words; the filtered log downloads as CSV.
    await page.getByLabel('Change').selectOption({ label: 'Risk imported' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=risk.import/);
    await expect(page.locator('tbody tr')).toHaveCount(16);
    await expect(page.locator('tbody [data-col="change"]').first()).toHaveText('Risk imported');
    await expect(page.locator('tbody')).toContainText('Imported I1 from the register of 4 May 2018');
    const href = await page.getByTestId('audit-csv').getAttribute('href');
    expect(href).toBe('/api/audit/csv?action=risk.import');
    const csv = await (await page.request.get(href!)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,who,change,changeCode,record,recordType,recordId,summary,detail,prevHash,hash');
    expect(lines).toHaveLength(17);
    expect(lines[1]).toMatch(/,Risk imported,risk\.import,Risk,risk,I\d+,/);

    // An impossible date is named, not silently ignored, and what was typed stays.
    await page.goto('/audit?from=2025-02-30&to=2025-01-01');
    await expect(page.getByRole('link', { name: 'From must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04' })).toBeVisible();
    await expect(page.getByLabel('From')).toHaveValue('2025-02-30');
    await expect(page.locator('tbody tr')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto('/audit?from=2025-03-01&to=2025-01-01');
    await expect(page.getByRole('link', { name: 'To must be the same as or after From' })).toBeVisible();
    expect((await page.request.get('/api/audit/csv?from=2025-02-30')).status()).toBe(400);
  });

  test('a review rewritten in the file: the next full check fails, auditors are told on the register and the log, until a check passes', async ({ page }) => {
    expect(fullCheck()).toMatchObject({ code: 0, out: expect.stringContaining('audit log intact') });
    await signInAs(page, 'auditor');
    await page.goto('/audit');
    await expect(page.getByTestId('full-check')).toContainText(
      /Last full check: .+, by npm run audit:verify \(.+\): passed, [\d,]+ entries chained and all [\d,]+ recorded rows matched\./,
    );
    // The check's own entry and the sign-in since.
    await expect(page.getByTestId('chain-status')).toContainText('the 2 entries since the last full check are chained intact');

    const db = new Database(databaseFile);
    const trigger = db.prepare("select sql from sqlite_master where type = 'trigger' and name = 'reviews_no_update'").pluck().get() as string;
    const review = db
      .prepare("select v.id, v.score, v.likelihood from reviews v join risks r on r.id = v.risk_id where r.ref = 'I3' order by v.sequence desc limit 1")
      .get() as {
      id: number;
      score: number;
      likelihood: number;
    };
    const rewrite = (likelihood: number, score: number) => {
      db.exec('DROP TRIGGER reviews_no_update');
      db.prepare('update reviews set likelihood = ?, score = ? where id = ?').run(likelihood, score, review.id);
      db.exec(trigger);
    };
    try {
      const changed = review.likelihood === 1 ? 2 : 1;
      rewrite(changed, (review.score / review.likelihood) * changed);
      const check = fullCheck();
      expect(check.code).toBe(1);
      expect(check.out).toContain(`row ${review.id} of reviews no longer matches`);
      await page.goto('/register');
      await expect(page.getByTestId('audit-warning')).toContainText(`found that row ${review.id} of reviews no longer matches`);
      await page.goto('/audit');
      await expect(page.getByTestId('full-check')).toContainText(`failed: row ${review.id} of reviews no longer matches`);
      await expectNoAxeViolations(page);
    } finally {
      rewrite(review.likelihood, review.score);
      db.close();
    }
    expect(fullCheck().code).toBe(0);
    await page.goto('/register');
    await expect(page.getByTestId('audit-warning')).toHaveCount(0);
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
