import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, signInAs, type DemoRole } from './helpers';

test.describe('the dashboard', () => {
  test('as at 4 May 2018 it shows the paper’s counts, no risk at or above appetite, the heat map and trends', async ({ page }) => {
    await signInAs(page, 'board');
    await page.goto('/dashboard?asAt=2018-05-04');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard as at 4 May 2018');
    const cell = (category: string, band: string) => page.locator(`[data-testid="counts"] tr[data-category="${category}"] td[data-band="${band}"]`);
    await expect(cell('inherent', 'total')).toHaveText('10');
    await expect(cell('inherent', 'minor')).toHaveText('1');
    await expect(cell('inherent', 'acceptable')).toHaveText('6');
    await expect(cell('inherent', 'moderate')).toHaveText('3');
    await expect(cell('topical', 'total')).toHaveText('6');
    await expect(cell('topical', 'acceptable')).toHaveText('4');
    await expect(cell('topical', 'moderate')).toHaveText('2');
    await expect(
      page.getByText(
        'The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate or high.',
      ),
    ).toBeVisible();
    await expect(page.getByTestId('attention')).toContainText('No risk is at or above the appetite of 30');
    // Each risk carries its own score and band; a cell has none of its own.
    await expect(page.locator('[data-cell="3-4"] [data-ref="I1"]')).toHaveText('I1: 24 Moderate (C2)');
    await expect(page.getByTestId('heat-map-key')).toContainText('risks in one cell can fall in different bands');
    // I9's score on 4 May 2018 was printed without its factors: listed under the grid, not silently left off.
    await expect(page.getByTestId('heat-map-unplaced')).toContainText('I9: 27 Moderate, because its score was recorded without likelihood, control and impact');
    await expect(page.locator('[data-testid="trends"] tr[data-ref="I1"] [data-col="trend"]')).toHaveText('16 → 24');
    // The chart beside it: a marker for each review and the appetite as a dashed line, big enough to read.
    const chart = page.locator('[data-testid="trends"] tr[data-ref="I1"] svg');
    await expect(chart.locator('circle')).toHaveCount(2);
    await expect(chart.locator('line[stroke-dasharray]')).toHaveCount(1);
    expect((await chart.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await expect(page.getByTestId('moved')).toContainText('T7: NEW');
    await expectNoAxeViolations(page);
  });

  for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
    test(`today, as ${role}`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAs(page, role);
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(page.getByTestId('attention')).toContainText('actions are overdue');
      await expectNoAxeViolations(page);
      await context.close();
    });
  }
});
