import { expect, test } from '@playwright/test';
import { actionBody, builtActions } from './actions';
import { DEMO_PASSWORD, DEMO_USERS, dbFingerprint, openTestDb, signIn, signInAs, signInByApi } from './helpers';

test.describe('sign-in under attack', () => {
  test('twenty-five guesses sent at once: at most three passwords are checked, the right one among them or not', async ({ playwright, baseURL }) => {
    const email = DEMO_USERS.auditor.email;
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.25' } });
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const guesses = Array.from({ length: 25 }, (_, i) => (i === 20 ? DEMO_PASSWORD : `wrong-${i}`));
    const answers = await Promise.all(
      guesses.map((password) => request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password }, maxRedirects: 0 })),
    );
    const db = openTestDb();
    const row = db.prepare('select failures from sign_in_throttles where email = ? and address = ?').get(email, '203.0.113.25') as
      { failures: number } | undefined;
    db.close();
    // Every attempt is counted before its password is checked, so only the first three get that far.
    const checked = row?.failures ?? 0;
    expect(checked).toBeLessThanOrEqual(3);
    const signedIn = answers.filter((a) => !(a.headers().location ?? '').includes('error=')).length;
    expect(signedIn).toBeLessThanOrEqual(1);
    await request.dispose();
  });

  test('a 2 MB email address is refused before anything is written', async ({ request }) => {
    const before = dbFingerprint();
    const huge = `${'a'.repeat(2 * 1024 * 1024)}@example.org`;
    for (let i = 0; i < 3; i++) {
      const response = await signInByApi(request, huge, 'x');
      expect(response.status()).toBeLessThan(500);
    }
    expect(dbFingerprint()).toBe(before);
  });

  for (const callback of ['/%09/127.0.0.1:4999/x', '/%0a/127.0.0.1:4999/x', '/%0d/127.0.0.1:4999/x', '/%5C%09evil.example/x', '//evil.example/x']) {
    test(`after signing in with callbackUrl=${callback}, the browser stays on the service`, async ({ page, baseURL }) => {
      await signIn(page, DEMO_USERS.board.email, DEMO_PASSWORD, `/sign-in?callbackUrl=${callback}`);
      await expect(page.getByText(`Signed in as ${DEMO_USERS.board.name}`)).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});

test.describe('answers instead of 500s', () => {
  test('a server action posted from another site is refused with 403, whatever host it claims, and saves nothing', async ({ page }) => {
    await signInAs(page, 'staff');
    const id = builtActions().get('app/(signed-in)/reviews/monthly/server-actions.ts#noChangeAction')!;
    const before = dbFingerprint();
    const claims: Array<Record<string, string>> = [
      { Origin: 'https://elsewhere.example' },
      { Origin: 'https://elsewhere.example', 'X-Forwarded-Host': 'elsewhere.example' },
    ];
    for (const headers of claims) {
      const response = await page.request.post('/reviews/monthly', {
        headers: { ...headers, 'Next-Action': id, Accept: 'text/x-component' },
        multipart: await actionBody({ ref: 'I1', version: '1', reason: 'forged' }),
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
    }
    expect(dbFingerprint()).toBe(before);
  });

  test('the image endpoint is off, and an undecodable risk ref is a 404', async ({ page }) => {
    const image = await page.request.get('/_next/image?url=/etc/passwd&w=64&q=75');
    expect(image.status()).not.toBe(500);
    expect(image.status()).toBeGreaterThanOrEqual(400);
    await signInAs(page, 'staff');
    for (const path of ['/risks/%25', '/risks/%25/review', '/risks/%2F..%2Fregister']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    expect((await page.request.get('/risks/%E0%A4%A')).status()).toBe(400);
  });
});
