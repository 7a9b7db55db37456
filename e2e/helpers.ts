import path from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS = {
  admin: { email: 'admin@example.org', name: 'Demo Administrator', roleLabel: 'Administrator' },
  staff: { email: 'staff@example.org', name: 'Demo Staff Officer', roleLabel: 'Office staff' },
  owner: { email: 'owner@example.org', name: 'Demo Risk Owner', roleLabel: 'Risk or action owner' },
  board: { email: 'board@example.org', name: 'Demo Board Member', roleLabel: 'Board member' },
  auditor: { email: 'auditor@example.org', name: 'Demo Auditor', roleLabel: 'Auditor' },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, from = '/sign-in') {
  await page.goto(from);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in as a demo account and waits for the register. */
export async function signInAs(page: Page, role: DemoRole) {
  await signIn(page, DEMO_USERS[role].email);
  await expect(page.getByText(`Signed in as ${DEMO_USERS[role].name}`)).toBeVisible();
}

/** Signs in the way scripts and curl do: next-auth's CSRF endpoint, then its credentials callback. */
export async function signInByApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password }, maxRedirects: 0 });
}

/** The e2e database file, opened read-only to check what the app wrote (or did not). */
export function openTestDb() {
  return new Database(path.resolve(process.env.DATABASE_PATH || 'data/e2e.db'), { readonly: true, fileMustExist: true });
}

/** A digest of every table's rows: equal before and after means nothing changed. */
export function dbFingerprint(): string {
  const db = openTestDb();
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      .all() as Array<{ name: string }>;
    const hash = createHash('sha256');
    for (const { name } of tables) {
      hash.update(name);
      hash.update(JSON.stringify(db.prepare(`select * from "${name}" order by rowid`).all()));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The register's columns (components/register-table.tsx): the ref heads its row, every other cell names its column. */
export const REGISTER_COLUMNS = [
  'ref',
  'date-identified',
  'event',
  'impact-areas',
  'likelihood',
  'control',
  'impact',
  'score',
  'band',
  'appetite',
  'date-reviewed',
  'summary',
  'owner',
  'review-status',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
const cellSelector = (col: RegisterColumn) => (col === 'ref' ? 'th[scope="row"]' : `td[data-col="${col}"]`);
/** One cell of a register row. */
export const cellOf = (row: Locator, col: RegisterColumn) => row.locator(cellSelector(col));
/** A register row's cell by the risk's ref. */
export const registerCell = (page: Page, ref: string, col: RegisterColumn) => cellOf(page.locator(`table[data-category] tr[data-ref="${ref}"]`), col);
/** Every cell of one column of the register. */
export const registerColumn = (page: Page, col: RegisterColumn) => page.locator(`table[data-category] tbody tr ${cellSelector(col)}`);
