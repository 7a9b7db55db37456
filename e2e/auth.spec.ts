import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, registerCell, signIn, signInAs, signInByApi, type DemoRole } from './helpers';

test.describe('signing in', () => {
  test('signed out, the register sends you to sign in and back again', async ({ page }) => {
    await page.goto('/risks/I1');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Frisks%2FI1/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the risk register' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill(DEMO_USERS.staff.email);
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/risks\/I1$/);
  });

  for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
    test(`${role}@example.org signs in and reads the register`, async ({ page }) => {
      await signInAs(page, role);
      await expect(page).toHaveURL(/\/register$/);
      await expect(page.getByText(`Signed in as ${DEMO_USERS[role].name} (${DEMO_USERS[role].roleLabel})`)).toBeVisible();
      await expect(page.locator('tbody tr')).toHaveCount(16);
    });
  }

  test('your account page says who you are signed in as, links to changing your password, and passes axe', async ({ page }) => {
    await signInAs(page, 'auditor');
    await page.getByRole('link', { name: 'Your account' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
    await expect(page.locator('.govuk-summary-list')).toContainText(DEMO_USERS.auditor.email);
    await expect(page.locator('.govuk-summary-list')).toContainText(DEMO_USERS.auditor.roleLabel);
    await expect(page.getByRole('main').getByRole('link', { name: 'Change your password' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the demo owner owns I8, T4 and T7', async ({ page }) => {
    await signInAs(page, 'board');
    for (const ref of ['I8', 'T4', 'T7']) await expect(registerCell(page, ref, 'owner')).toHaveText('Demo Risk Owner');
    await expect(registerCell(page, 'I1', 'owner')).toHaveText('Unassigned');
  });

  test('a board member sees no edit controls and cannot open user management', async ({ page }) => {
    await signInAs(page, 'board');
    for (const path of ['/register', '/risks/I1']) {
      await page.goto(path);
      await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
      const buttons = await page.getByRole('main').getByRole('button').allTextContents();
      // Only the read-only controls: filters and the as-at date.
      expect(buttons.filter((b) => !['Apply filters', 'Show the register on this date'].includes(b.trim()))).toEqual([]);
    }
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have permission to see this page' })).toBeVisible();
    await expect(page).toHaveTitle('You do not have permission – Risk register – OPCC');
    await expectNoAxeViolations(page);
  });

  test('an administrator sees user management', async ({ page }) => {
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(page.locator('tbody tr')).toHaveCount(5);
    await expectNoAxeViolations(page);
  });

  test('a wrong password keeps the email, says nothing about whether it exists, and passes axe', async ({ page }) => {
    await signIn(page, DEMO_USERS.auditor.email, 'not-the-password');
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(DEMO_USERS.auditor.email);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expectNoAxeViolations(page);

    await signIn(page, 'nobody-here@example.org', 'whatever-password');
    await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
  });

  test('empty fields are named one by one', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email');
    await expect(page.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
    await expectNoAxeViolations(page);
  });

  test('signing out ends the session on the server, even for a copied cookie', async ({ page, context }) => {
    await signInAs(page, 'auditor');
    const cookie = (await context.cookies()).find((c) => c.name === 'next-auth.session-token');
    expect(cookie).toBeTruthy();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await context.addCookies([cookie!]);
    await page.goto('/register');
    await expect(page).toHaveURL(/\/sign-in/);
    await context.addCookies([cookie!]);
    const session = await page.request.get('/api/auth/session');
    expect(await session.json()).toEqual({});
  });

  test('signing out works from any page, and a sign-out posted from another site is refused', async ({ page }) => {
    await signInAs(page, 'staff');
    const refused = await page.request.post('/sign-out', { headers: { Origin: 'https://elsewhere.example' }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('sent from another site, so it was refused');
    for (const origin of ['null', 'not a url'])
      expect((await page.request.post('/sign-out', { headers: { Origin: origin }, maxRedirects: 0 })).status()).toBe(403);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('signed in, a callback whose normal form names another host is sent to the register, not off the site', async ({ request }) => {
    await signInByApi(request, DEMO_USERS.staff.email);
    for (const callback of [
      '/..//evil.example',
      '/.//evil.example',
      '/%2e%2e//evil.example',
      '/register/..//evil.example',
      '/./\\evil.example',
      '/.///evil.example',
    ]) {
      const response = await request.get(`/sign-in?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBeGreaterThanOrEqual(300);
      expect(response.headers().location, callback).toMatch(/^(https?:\/\/localhost:\d+)?\/register$/);
    }
  });

  test('scripts sign in through /api/auth/csrf and /api/auth/callback/credentials', async ({ request }) => {
    const signedOut = await request.get('/api/register');
    expect(signedOut.status()).toBe(401);
    const response = await signInByApi(request, DEMO_USERS.board.email);
    expect(response.status()).toBe(302);
    const register = await request.get('/api/register');
    expect(register.status()).toBe(200);
    const body = (await register.json()) as { risks: Array<{ ref: string }> };
    expect(body.risks).toHaveLength(16);
    const page = await request.get('/register');
    expect(await page.text()).toContain('Signed in as <strong>Demo Board Member</strong>');
  });

  test('while the demo accounts are active, every page says it holds demonstration data, signed in or not', async ({ page }) => {
    const banner = page.getByTestId('demo-banner');
    await page.goto('/sign-in');
    await expect(banner).toContainText('This register holds demonstration data and demonstration accounts with a published password');
    await signInAs(page, 'board');
    for (const path of ['/register', '/dashboard', '/accessibility']) {
      await page.goto(path);
      await expect(banner, path).toContainText('Demo');
    }
  });

  test('security headers are sent', async ({ request }) => {
    const response = await request.get('/sign-in');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('single sign-on with an organisation account', () => {
  async function throughProvider(page: import('@playwright/test').Page, login: string) {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:3101\/interaction\//);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    if (await consent.isVisible({ timeout: 5000 }).catch(() => false)) await consent.click();
  }

  test('staff@example.org signs in through the local OpenID provider', async ({ page }) => {
    await throughProvider(page, DEMO_USERS.staff.email);
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByText(`Signed in as ${DEMO_USERS.staff.name}`)).toBeVisible();
  });

  test('an organisation account with no user here is refused with a clear page', async ({ page }) => {
    await throughProvider(page, 'stranger@example.org');
    await expect(page).toHaveURL(/\/sign-in\/refused$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your organisation account is not registered for this service' })).toBeVisible();
    await page.goto('/register');
    await expect(page).toHaveURL(/\/sign-in/);
    await expectNoAxeViolations(page);
  });
});
