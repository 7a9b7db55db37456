import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { cellOf, registerCell, registerColumn, signIn, signInAs, type RegisterColumn } from './helpers';
import { longDate, PAPER_RISKS } from './paper';

const cell = (row: import('@playwright/test').Locator, col: RegisterColumn) => cellOf(row, col);

test.describe('the dynamic register', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'board');
  });

  test('a page loads without a failed request or a console error: the service has its own icon', async ({ page, playwright, baseURL }) => {
    const failures: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto('/register');
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon/);
    const icon = await page.request.get((await page.locator('link[rel="icon"]').getAttribute('href'))!);
    expect(icon.status()).toBe(200);
    expect(failures).toEqual([]);
    // The sign-in page shows it too, to someone not signed in.
    const anonymous = await playwright.request.newContext({ baseURL });
    const signedOut = await anonymous.get((await page.locator('link[rel="icon"]').getAttribute('href'))!, { maxRedirects: 0 });
    expect([signedOut.status(), signedOut.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
    await anonymous.dispose();
  });

  test('/ opens the register', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dynamic risk register' })).toBeVisible();
  });

  test('shows all 16 risks of 4 May 2018 as the paper prints them, inherent then topical', async ({ page }) => {
    await page.goto('/register');
    const inherent = page.getByRole('table', { name: /Inherent risks/ });
    const topical = page.getByRole('table', { name: /Topical risks/ });
    await expect(inherent.getByRole('caption')).toHaveText('Inherent risks (10)');
    await expect(topical.getByRole('caption')).toHaveText('Topical risks (6)');
    await expect(inherent.locator('tbody tr')).toHaveCount(10);
    await expect(topical.locator('tbody tr')).toHaveCount(6);

    for (const category of ['inherent', 'topical'] as const) {
      const table = category === 'inherent' ? inherent : topical;
      const expected = PAPER_RISKS.filter((r) => r.category === category);
      await expect(table.locator('tbody tr th[scope="row"]')).toHaveText(expected.map((r) => r.ref));
      for (const risk of expected) {
        const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: risk.ref, exact: true }) });
        await expect(cell(row, 'likelihood'), `${risk.ref} L`).toHaveText(String(risk.likelihood));
        await expect(cell(row, 'control'), `${risk.ref} C`).toHaveText(String(risk.control));
        await expect(cell(row, 'impact'), `${risk.ref} I`).toHaveText(String(risk.impact));
        await expect(cell(row, 'score'), `${risk.ref} score`).toHaveText(String(risk.score));
        await expect(cell(row, 'band'), `${risk.ref} band`).toHaveText(new RegExp(`^${risk.band}$`, 'i'));
        await expect(cell(row, 'date-reviewed'), `${risk.ref} date reviewed`).toHaveText(longDate(risk.dateReviewed));
        await expect(cell(row, 'appetite'), `${risk.ref} appetite`).toHaveText('Within appetite');
        await expect(cell(row, 'owner'), `${risk.ref} owner`).toHaveText(['I8', 'T4', 'T7'].includes(risk.ref) ? 'Demo Risk Owner' : 'Unassigned');
      }
    }
  });

  test('derives the Summary column from the review history', async ({ page }) => {
    await page.goto('/register');
    const summary = (ref: string) => registerCell(page, ref, 'summary');
    await expect(summary('I1')).toHaveText('Increased (previously 16) - due to impact of Op Fairline on resources');
    await expect(summary('I8')).toHaveText('Reduced (previously 32) - Gold Group established and working through issues');
    await expect(summary('I2')).toHaveText('Maintain - business as usual');
    await expect(summary('T7')).toHaveText('NEW');
    await expect(summary('T6')).toHaveText('Reduced (previously 24)');
  });

  test('marks every row with a review status in words', async ({ page }) => {
    await page.goto('/register');
    // Reviewed in May 2018, so every demo risk is long overdue today.
    await expect(
      registerColumn(page, 'review-status')
        .locator('.govuk-tag')
        .filter({ hasText: /^Overdue$/ }),
    ).toHaveCount(16);
    // I8's own action and T4's linked finding's action are overdue in the demo data.
    await expect(
      registerColumn(page, 'review-status')
        .locator('.govuk-tag')
        .filter({ hasText: /^Action overdue$/ }),
    ).toHaveCount(2);
    await expect(registerCell(page, 'T4', 'review-status')).toContainText('Action overdue');
    await expect(registerCell(page, 'I9', 'review-status')).toContainText('Was due 8 June 2018');
  });

  test('filters by category, band, impact area and review status without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'board@example.org');
    await expect(page).toHaveURL(/\/register$/);
    await page.getByLabel('Band').selectOption('moderate');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/band=moderate/);
    await expect(page.locator('tbody tr')).toHaveCount(5);
    await expect(page.locator('tbody th[scope="row"]')).toHaveText(['I1', 'I8', 'I9', 'T4', 'T7']);
    await expect(page.getByText('Showing 5 of 16 live risks.')).toBeVisible();

    await page.getByLabel('Category').selectOption('topical');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.locator('tbody th[scope="row"]')).toHaveText(['T4', 'T7']);
    await expect(page.getByRole('table', { name: /Inherent risks/ })).toHaveCount(0);

    await page.goto('/register?impactArea=Legal');
    await expect(page.locator('tbody th[scope="row"]')).toHaveText(['I2', 'I3', 'T1', 'T4']);

    await page.goto('/register?reviewStatus=overdue&category=inherent');
    await expect(page.locator('tbody tr')).toHaveCount(10);

    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page.locator('tbody tr')).toHaveCount(16);
    await context.close();
  });

  test('explains a filter value it cannot use instead of failing', async ({ page }) => {
    const response = await page.goto('/register?band=huge&category=topical');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Band: Choose a band from the list' })).toHaveAttribute('href', '#filter-band');
    await expect(page.locator('tbody tr')).toHaveCount(6);
    await expectNoAxeViolations(page);
  });

  test('shows the register as it stood on any date, rebuilt from the history', async ({ page }) => {
    await page.goto('/register');
    // Typed as people write it; read as the day it names.
    await page.getByLabel('As at', { exact: true }).fill('4 May 2018');
    await page.getByRole('button', { name: 'Show the register on this date' }).click();
    await expect(page).toHaveURL(/asAt=4\+May\+2018/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dynamic risk register as at 4 May 2018');
    await expect(page.getByRole('table', { name: /Inherent risks/ }).locator('tbody tr')).toHaveCount(10);
    await expect(page.getByRole('table', { name: /Topical risks/ }).locator('tbody tr')).toHaveCount(6);
    await expect(registerCell(page, 'I8', 'owner')).toHaveText('Unassigned');
    await expect(registerColumn(page, 'appetite').filter({ hasText: 'Outside appetite' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto('/register?asAt=2018-05-03');
    await expect(page.locator('tr[data-ref="T7"]')).toHaveCount(0);
    await expect(registerCell(page, 'I8', 'score')).toHaveText('32');
    await expect(registerCell(page, 'I8', 'appetite')).toHaveText('Outside appetite');
    await page.locator('tr[data-ref="I8"]').getByRole('link', { name: 'I8' }).click();
    await expect(page.getByTestId('as-at')).toContainText('I8 as it stood on 3 May 2018');
    await expect(page.getByTestId('review-history').locator('tbody tr')).toHaveCount(1);

    const response = await page.goto('/register?asAt=2018-02-30');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: 'As at: The date must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04' })).toBeVisible();
  });

  test('passes axe (WCAG 2.2 AA)', async ({ page }) => {
    await page.goto('/register');
    await expectNoAxeViolations(page);
  });

  test('loads only the framework’s own scripts, from this service', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/register?band=moderate');
    await expect(page.getByRole('status')).toContainText('Showing 5 of 16 live risks.');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page.getByRole('status')).toContainText('Showing all 16 live risks.');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/^\/_next\/static\//);
  });

  test('other pages reach it through their links as a client navigation', async ({ page }) => {
    await page.goto('/account');
    const payloads: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/register' && response.request().headers()['rsc']) payloads.push(response.headers()['content-type'] ?? '');
    });
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Register' }).click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dynamic risk register' })).toBeVisible();
    expect(payloads.length).toBeGreaterThan(0);
    for (const type of payloads) expect(type).toContain('text/x-component');
  });
});
