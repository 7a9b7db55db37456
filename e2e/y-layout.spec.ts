import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { openTestDb, signInAs } from './helpers';

/**
 * Pages that fit the screen (WCAG 2.2 1.4.10 reflow): at 320 px and 1280 px no page with a table scrolls
 * sideways as a whole; each table scrolls in its own region, named by its caption and reachable by
 * keyboard. Runs after the workflow specs, so snapshots, reports and actions exist to be shown.
 */
function pagesWithTables(): string[] {
  const db = openTestDb();
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { id: number } | undefined)?.id;
    const inspection = one('select id from inspections order by id limit 1');
    const snapshot = one('select id from register_snapshots order by id limit 1');
    const reported = one('select snapshot_id as id from covering_reports order by id limit 1');
    return [
      '/register',
      '/dashboard',
      '/risks/I1',
      '/risks/archived',
      '/risks/owners',
      '/reviews',
      '/reviews/monthly',
      '/actions',
      '/inspections',
      ...(inspection ? [`/inspections/${inspection}`] : []),
      '/snapshots',
      ...(snapshot ? [`/snapshots/${snapshot}`] : []),
      ...(reported ? [`/snapshots/${reported}/report`] : []),
      '/audit',
      '/admin/users',
      '/admin/settings',
      '/admin/notifications',
    ];
  } finally {
    db.close();
  }
}

async function expectReflow(page: Page, path: string) {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    // The outermost element that reaches past the window outside the tables' own scroll regions: what to fix.
    const past = (el: Element | null) => !!el && el.getBoundingClientRect().right > window.innerWidth + 1;
    const outside = [...document.querySelectorAll('body *')].find((el) => past(el) && !el.closest('.app-table-scroll') && !past(el.parentElement));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      widest: outside
        ? `${outside.tagName.toLowerCase()}.${[...outside.classList].join('.')} "${(outside.textContent ?? '').trim().slice(0, 60)}"`
        : 'no single element',
    };
  });
  expect(scrollWidth, `${path} scrolls sideways at ${innerWidth} px: ${widest}`).toBeLessThanOrEqual(innerWidth);
  const regions = page.locator('.app-table-scroll');
  for (let i = 0; i < (await regions.count()); i++) {
    const region = regions.nth(i);
    await expect(region, `${path} table ${i + 1}`).toHaveAttribute('role', 'region');
    await expect(region, `${path} table ${i + 1}`).toHaveAttribute('tabindex', '0');
    await expect(region, `${path} table ${i + 1}`).toHaveAccessibleName(/\S/);
  }
  expect(await page.locator('table').count(), `${path}: every table sits in a scroll region`).toBe(await page.locator('.app-table-scroll > table').count());
}

test.describe('pages that fit the screen', () => {
  for (const width of [320, 1280]) {
    test(`every page with a table reflows at ${width} px${width === 320 ? ' and passes axe there' : ''}`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: 900 });
      await signInAs(page, 'admin');
      for (const path of pagesWithTables()) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectReflow(page, path);
        // The other specs run axe at the default width; here it runs on the reflowed page.
        if (width === 320) await expectNoAxeViolations(page);
      }
    });
  }

  /** The register's tables and a published covering report's Appendix A: each one's scroll region, measured. */
  async function registerTables(page: Page) {
    return page.locator('.app-table-scroll:has(.app-register-table)').evaluateAll((regions) =>
      regions.map((region) => ({
        name: region.getAttribute('aria-labelledby') ?? '',
        overflow: region.scrollWidth - region.clientWidth,
        clipped: [...region.querySelectorAll('thead th')]
          .filter((th) => th.getBoundingClientRect().right > region.getBoundingClientRect().right + 1)
          .map((th) => th.textContent?.trim()),
      })),
    );
  }

  function reportPath(): string {
    const db = openTestDb();
    try {
      const reported = (db.prepare('select snapshot_id as id from covering_reports order by id limit 1').get() as { id: number } | undefined)?.id;
      return reported ? `/snapshots/${reported}/report` : '/register';
    } finally {
      db.close();
    }
  }

  test('at 1280 px every column of the register, and of a covering report’s Appendix A, shows without scrolling the table', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, 'board');
    for (const path of ['/register', reportPath()]) {
      await page.goto(path);
      const tables = await registerTables(page);
      expect(tables.length, path).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t.clipped, `${path} ${t.name}: columns cut off`).toEqual([]);
        expect(t.overflow, `${path} ${t.name}: scrolls ${t.overflow} px`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('at 320 px each risk reads as a stacked record, with no sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await signInAs(page, 'board');
    for (const path of ['/register', reportPath()]) {
      await page.goto(path);
      for (const t of await registerTables(page)) expect(t.overflow, `${path} ${t.name}: scrolls ${t.overflow} px`).toBeLessThanOrEqual(0);
    }
    await page.goto('/register');
    // Each field of a risk is named beside its value, one under another.
    const i8 = page.locator('tr[data-ref="I8"]');
    await expect(i8.locator('[data-col="score"]')).toBeVisible();
    const event = await i8.locator('[data-col="event"]').boundingBox();
    const score = await i8.locator('[data-col="score"]').boundingBox();
    expect(score!.y).toBeGreaterThan(event!.y);
    expect(await i8.locator('[data-col="score"]').evaluate((el) => getComputedStyle(el, '::before').content)).toContain('Score');
  });

  test('on a small screen the service navigation collapses behind the Menu button', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await signInAs(page, 'staff');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectNoAxeViolations(page);
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(menu).toBeHidden();
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  });

  test('wide pages start where the header starts', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1000 });
    await signInAs(page, 'board');
    for (const path of ['/register', '/dashboard', '/snapshots', '/risks/I1']) {
      await page.goto(path);
      const header = await page.locator('.govuk-service-navigation .govuk-width-container').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(Math.round(main!.x), path).toBe(Math.round(header!.x));
    }
  });
});
