import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { callAction } from './actions';
import { DEMO_USERS, openTestDb, signIn, signInAs, signInByApi } from './helpers';

const NEW_USER = { name: 'Casey Example', email: 'casey@example.org', password: 'a-long-first-password' };

async function addUser(page: Page, user: { name: string; email: string; password: string }, roleLabel: string) {
  await page.goto('/admin/users/new');
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel(roleLabel, { exact: true }).check();
  await page.getByLabel('First password').fill(user.password);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText(`Added ${user.email}.`)).toBeVisible();
}

test.describe.serial('managing users', () => {
  test('adding a user with mistakes shows each one, keeps what was typed and passes axe', async ({ page }) => {
    await signInAs(page, 'admin');
    await page.goto('/admin/users/new');
    await expectNoAxeViolations(page);
    await page.getByLabel('Full name').fill('Half Done');
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByLabel('First password').fill('short');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter an email address in the correct format, like name@example.org' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Select a role' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Password must be 12 characters or more' })).toBeVisible();
    await expect(page.getByLabel('Full name')).toHaveValue('Half Done');
    await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
    await expectNoAxeViolations(page);
  });

  test('an administrator adds a user who can then sign in', async ({ page }) => {
    await signInAs(page, 'admin');
    await addUser(page, NEW_USER, 'Office staff');
    await expect(page.locator(`tr[data-email="${NEW_USER.email}"]`)).toContainText('Office staff');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, NEW_USER.email, NEW_USER.password);
    await expect(page.getByText(`Signed in as ${NEW_USER.name} (Office staff)`)).toBeVisible();
  });

  test('an email already in use is refused', async ({ page }) => {
    await signInAs(page, 'admin');
    await page.goto('/admin/users/new');
    await page.getByLabel('Full name').fill('Someone Else');
    await page.getByLabel('Email address').fill('CASEY@example.org');
    await page.getByLabel('Board member', { exact: true }).check();
    await page.getByLabel('First password').fill('another-long-password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('link', { name: 'An account with this email address already exists' })).toBeVisible();
  });

  test('wrong passwords make new browsers wait, whatever X-Forwarded-For they send; the owner’s own browser signs in at once', async ({ page, browser }) => {
    // The owner signs in once from their browser, which the service then knows.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signIn(owner, NEW_USER.email, NEW_USER.password);
    await expect(owner.getByText(`Signed in as ${NEW_USER.name}`)).toBeVisible();
    await owner.getByRole('button', { name: 'Sign out' }).click();

    // Someone else guessing from a browser that never signed in, claiming a new address each time (the
    // service has no trusted proxy, so the header is not read): three attempts, then a growing wait.
    for (let i = 1; i <= 3; i++) {
      await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `203.0.113.${i}` });
      await signIn(page, `  ${NEW_USER.email.toUpperCase()} `, `wrong-${i}`);
      await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
    }
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.4' });
    await signIn(page, NEW_USER.email, 'wrong-4');
    await expect(page.getByRole('link', { name: /Too many failed attempts: wait \d+ seconds? before trying again/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setExtraHTTPHeaders({});

    // The owner, in the browser they used before, signs in at once.
    await signIn(owner, NEW_USER.email, NEW_USER.password);
    await expect(owner.getByText(`Signed in as ${NEW_USER.name}`)).toBeVisible();
    await ownerContext.close();
    // New browsers wait until the throttle allows the next attempt; then the right password gets in and clears
    // it, so the tests after this one start from a new browser unhindered.
    await expect
      .poll(
        async () => {
          await signIn(page, NEW_USER.email, NEW_USER.password);
          return page
            .getByText(`Signed in as ${NEW_USER.name}`)
            .waitFor({ timeout: 2_000 })
            .then(
              () => true,
              () => false,
            );
        },
        { timeout: 20_000, intervals: [2_500] },
      )
      .toBe(true);
  });

  test('guesses at the current password are counted before they are checked, and each wrong one is audited', async ({ request }) => {
    await signInByApi(request, DEMO_USERS.board.email);
    const db = openTestDb();
    const userId = db.prepare('select id from users where email = ?').pluck().get(DEMO_USERS.board.email) as number;
    const failedChecks = () =>
      db.prepare("select count(*) from audit_log where action = 'account.password-check-failed' and entity_id = ?").pluck().get(String(userId));
    const guess = (currentPassword: string) =>
      callAction(request, 'app/(signed-in)/account/password/server-actions.ts#changeOwnPasswordAction', '/account/password', {
        currentPassword,
        newPassword: 'a-board-member-new-password',
        confirmPassword: 'a-board-member-new-password',
      });
    try {
      // Twenty guesses at once: a few are checked, the rest wait; every one checked and wrong is audited.
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`guess-${i}`)));
      expect(results.filter((r) => r.text.includes('wait')).length).toBeGreaterThanOrEqual(15);
      const checked = results.filter((r) => r.text.includes('Your current password is not correct')).length;
      expect(checked).toBeLessThanOrEqual(4);
      expect(failedChecks()).toBe(checked);
      // Even the right password waits its turn now.
      expect((await guess('demo-password')).text).toContain('Too many wrong current passwords: wait');
    } finally {
      db.close();
    }
  });

  test('a user changes their own password; their other sessions end and this one carries on', async ({ page, browser }) => {
    const elsewhere = await browser.newPage();
    await signIn(elsewhere, NEW_USER.email, NEW_USER.password);
    await expect(elsewhere.getByText(`Signed in as ${NEW_USER.name}`)).toBeVisible();
    await signIn(page, NEW_USER.email, NEW_USER.password);
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.getByLabel('Current password').fill('wrong');
    await page.getByLabel('New password', { exact: true }).fill('my-own-new-password');
    await page.getByLabel('Confirm new password').fill('my-own-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('link', { name: 'Your current password is not correct' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Current password').fill(NEW_USER.password);
    await page.getByLabel('New password', { exact: true }).fill('my-own-new-password');
    await page.getByLabel('Confirm new password').fill('my-own-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password has been changed. You have been signed out everywhere else.')).toBeVisible();
    NEW_USER.password = 'my-own-new-password';
    await page.goto('/register');
    await expect(page.getByText(`Signed in as ${NEW_USER.name}`)).toBeVisible();
    await elsewhere.goto('/register');
    await expect(elsewhere).toHaveURL(/\/sign-in/);
    // next-auth's own session endpoint refuses the ended session too, rather than extending it.
    expect(await (await elsewhere.request.get('/api/auth/session')).json()).toEqual({});
    await elsewhere.close();
  });

  test('a role change takes effect at once, and a deactivated user cannot sign in', async ({ page, browser }) => {
    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    await signIn(theirPage, NEW_USER.email, NEW_USER.password);
    await expect(theirPage.getByText('(Office staff)')).toBeVisible();

    await signInAs(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('link', { name: `Change ${NEW_USER.name}` }).click();
    await page.getByLabel('Board member', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(`Saved the changes to ${NEW_USER.email}.`)).toBeVisible();
    await theirPage.reload();
    await expect(theirPage.getByText('(Board member)')).toBeVisible();

    await page.getByRole('link', { name: `Change ${NEW_USER.name}` }).click();
    await page.getByLabel('No, deactivated').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator(`tr[data-email="${NEW_USER.email}"]`)).toContainText('Deactivated');
    await theirPage.reload();
    await expect(theirPage).toHaveURL(/\/sign-in/);
    await signIn(theirPage, NEW_USER.email, NEW_USER.password);
    await expect(theirPage.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
    await theirs.close();

    const db = openTestDb();
    const actions = db.prepare("select action from audit_log where entity_type = 'user' and actor_label = 'Demo Administrator' order by id").all() as Array<{
      action: string;
    }>;
    db.close();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.create', 'user.update']));
  });
});
