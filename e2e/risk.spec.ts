import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { signInAs } from './helpers';

const historyRows = (page: import('@playwright/test').Page) => page.getByTestId('review-history').locator('tbody tr');
const col = (row: import('@playwright/test').Locator, name: string) => row.locator(`[data-col="${name}"]`);

test.describe('a risk’s page', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'board');
  });

  test('I1 shows every field and a history that rose from 16 to 24', async ({ page }) => {
    await page.goto('/risks/I1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Failure to deliver the priorities set out in the Police and Crime Plan due to lack of resources or emerging threats',
    );
    await expect(page.getByText('Inherent risk I1')).toBeVisible();
    await expect(page.getByText('Unassigned: every risk needs an owner')).toBeVisible();
    await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Consequences' })).toBeVisible();
    await expect(page.getByText('Failure to discharge role of PCC')).toBeVisible();
    await expect(page.getByText('P&C Plan integral part of planning cycle')).toBeVisible();
    await expect(page.getByRole('caption').filter({ hasText: 'Score = Likelihood × Control × Impact = 3 × 2 × 4 = 24 (Moderate)' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /Control \(C\)\s*1 = strong, 4 = limited/ })).toBeVisible();

    const rows = historyRows(page);
    await expect(rows).toHaveCount(2);
    const [latest, earlier] = [rows.nth(0), rows.nth(1)];
    await expect(col(latest, 'date')).toHaveText('4 May 2018');
    await expect(col(latest, 'likelihood')).toHaveText('3');
    await expect(col(latest, 'control')).toHaveText('2');
    await expect(col(latest, 'impact')).toHaveText('4');
    await expect(col(latest, 'score')).toHaveText('24');
    await expect(col(latest, 'band')).toHaveText('Moderate');
    await expect(col(latest, 'direction')).toHaveText('Increased from 16');
    await expect(col(latest, 'previous-score')).toHaveText('16');
    await expect(col(latest, 'reason')).toHaveText('due to impact of Op Fairline on resources');
    await expect(col(earlier, 'date')).toContainText('Date not recorded');
    await expect(col(earlier, 'likelihood')).toHaveText('2');
    await expect(col(earlier, 'score')).toHaveText('16');
    await expect(col(earlier, 'band')).toHaveText('Acceptable');
    await expectNoAxeViolations(page);
  });

  test('I8 shows its fall from 32 (high, outside appetite) to 24', async ({ page }) => {
    await page.goto('/risks/I8');
    const rows = historyRows(page);
    await expect(rows).toHaveCount(2);
    await expect(col(rows.nth(0), 'score')).toHaveText('24');
    await expect(col(rows.nth(0), 'direction')).toHaveText('Reduced from 32');
    await expect(col(rows.nth(0), 'reason')).toHaveText('Gold Group established and working through issues');
    await expect(col(rows.nth(1), 'score')).toHaveText('32');
    await expect(col(rows.nth(1), 'band')).toHaveText('High');
    await expect(col(rows.nth(1), 'likelihood')).toHaveText('4');
    await expect(page.getByRole('definition').filter({ hasText: 'Reduced (previously 32) - Gold Group established and working through issues' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('T7 is new, with one review', async ({ page }) => {
    await page.goto('/risks/t7');
    await expect(historyRows(page)).toHaveCount(1);
    await expect(col(historyRows(page).first(), 'direction')).toHaveText('New');
  });

  test('T2, removed before this register, has no page: a proper 404', async ({ page }) => {
    const response = await page.goto('/risks/T2');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a ref that is not a ref is a 404 too', async ({ page }) => {
    const response = await page.goto('/risks/DROP%20TABLE');
    expect(response?.status()).toBe(404);
  });

  test('the accessibility statement passes axe', async ({ page }) => {
    await page.goto('/accessibility');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Accessibility statement');
    await expectNoAxeViolations(page);
  });
});
