/**
 * Bad input, everywhere: generated malformed inputs (fast-check, fixed seed) sent to every server action in
 * the build and every route handler, as each role and signed out: missing and extra fields, wrong types,
 * factors 0/5/-1/1e9/"3", impossible dates, 1 MB strings, control characters, right-to-left text, HTML and
 * script, SQL fragments, CSV formula prefixes. For each: no 5xx; a rejection carries messages a person can
 * read (no "Invalid input: expected …", no "undefined"); and a rejected request leaves every table exactly
 * as it was. Accepted input is then shown on pages in the browser with no script run.
 *
 * Runs last (it changes data when an input happens to be valid).
 */
import fc from 'fast-check';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { actionBody, builtActions, reviewI10, routeFiles } from './actions';
import { dbFingerprint, DEMO_USERS, signInAs, signInByApi, type DemoRole } from './helpers';

// 500 cases keep `npm test` within its 15 minutes on two cores; FUZZ_CASES=5000 for a deeper run.
const CASES = Number(process.env.FUZZ_CASES ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const FIELDS = [
  'id',
  'version',
  'ref',
  'riskRef',
  'snapshotId',
  'proposalId',
  'findingId',
  'ownerId',
  'opccOwnerId',
  'predecessorId',
  'intent',
  'forum',
  'status',
  'role',
  'email',
  'name',
  'password',
  'currentPassword',
  'newPassword',
  'confirmPassword',
  'likelihood',
  'control',
  'impact',
  'reason',
  'event',
  'consequences',
  'mitigations',
  'newMitigations',
  'impactAreas',
  'category',
  'remove',
  'removalReason',
  'appetite',
  'removalThreshold',
  'removalComparator',
  'minuteRef',
  'note',
  'text',
  'title',
  'payload',
  'format',
  'confirm',
  'purpose',
  'background',
  'otherHeading',
  'otherText',
  'futureReviews',
  'signOffName',
  'signOffRole',
  'sourceType',
  'sourceRef',
  'dueOn',
  'newDueOn',
  'publishedOn',
  'year',
  'force',
  'inspectorate',
  'reviewedOn-day',
  'reviewedOn-month',
  'reviewedOn-year',
  'meetingOn-day',
  'meetingOn-month',
  'meetingOn-year',
  'asAt-day',
  'asAt-month',
  'asAt-year',
  'dueOn-day',
  'dueOn-month',
  'dueOn-year',
  'effectiveFrom-day',
  'effectiveFrom-month',
  'effectiveFrom-year',
  'dateIdentified-day',
  'dateIdentified-month',
  'dateIdentified-year',
  'returnTo',
  'active',
  'link',
  'risk-I1',
  'extra',
];

const MEGABYTE = 'A'.repeat(1024 * 1024);

const nasty = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('0', '5', '-1', '1e9', '"3"', '3.5', 'NaN', 'Infinity', '', ' ', '1', '2', '3', '4', '30', '12', '999999999999999999999'),
  },
  { weight: 4, arbitrary: fc.constantFrom('2018-02-30', '31-13-2018', '30', '2', '13', '0', '2018', '99999', '-2018', '1.5') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '<script>window.__fuzzed=1</script>',
      '"><img src=x onerror="window.__fuzzed=1">',
      "'; DROP TABLE reviews; --",
      "1' OR '1'='1",
      '=HYPERLINK("http://example.invalid","x")',
      '+SUM(1,2)',
      '-2+3',
      '@SUM(1)',
      '\u202eevil\u202c',
      'مراجعة المخاطر',
      '\u0000\u0001\u0007\u001b[31m',
      '../../etc/passwd',
      '{"$gt":""}',
      'I1',
      'T7',
      'I99',
      'staff',
      'admin',
      'cmb',
      'monthly',
      'yes',
      'save',
      'check',
      'inherent',
      'topical',
      'staff@example.org',
    ),
  },
  { weight: 4, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

const fieldValue = fc.oneof({ weight: 5, arbitrary: nasty }, { weight: 1, arbitrary: fc.array(nasty, { minLength: 2, maxLength: 3 }) });
const body = fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 10 });

type Caller = DemoRole | 'signed-out';
const CALLERS: Caller[] = [...(Object.keys(DEMO_USERS) as DemoRole[]), 'signed-out'];

/**
 * Messages in an action's answer. The RSC payload is rows "<id>:<json>\n", except text rows
 * "<id>:T<hex byte length>,<text>" that carry long strings with no newline after them.
 */
function messagesIn(payload: string): string[] {
  const bytes = Buffer.from(payload, 'utf8');
  const rows: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(':', at);
    if (colon < 0) break;
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(',', colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf('\n', colon);
    rows.push(bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString());
    at = end < 0 ? bytes.length : end + 1;
  }
  const out: string[] = [];
  for (const json of rows) {
    if (!json.includes('Errors')) continue;
    try {
      const value = JSON.parse(json) as { formErrors?: string[]; fieldErrors?: Record<string, string[]> };
      out.push(...(value.formErrors ?? []), ...Object.values(value.fieldErrors ?? {}).flat());
    } catch {
      // not a JSON row
    }
  }
  return out;
}

const UNCLEAR = /Invalid input|expected [a-z]+, received|received undefined|\bundefined\b|\bNaN\b|\[object |ZodError|Error:|at position/;

test.describe.configure({ timeout: 300_000 });

test(`${CASES} malformed inputs across every server action: no 5xx, clear messages, nothing changed when refused`, async ({ baseURL }) => {
  const ids = builtActions();
  const actions = [...ids.keys()].sort();
  const contexts = new Map<Caller, APIRequestContext>();
  for (const caller of CALLERS) {
    const context = await playwrightRequest.newContext({ baseURL });
    if (caller !== 'signed-out') expect((await signInByApi(context, DEMO_USERS[caller].email)).status()).toBe(302);
    contexts.set(caller, context);
  }
  let last = dbFingerprint();
  const tally = { refused: 0, accepted: 0, refusedWithMessage: 0 };
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), fc.constantFrom(...CALLERS), body, async (action, caller, fields) => {
        const send = async () =>
          contexts.get(caller)!.post('/account', {
            headers: { 'Next-Action': ids.get(action)!, Accept: 'text/x-component' },
            multipart: await actionBody(fields),
            maxRedirects: 0,
            timeout: 60_000,
          });
        // A caller's kept-alive connection can be closed by the server's idle timeout just as a large body
        // starts to be written (EPIPE or a reset): the request never reached the app, so it is sent again.
        const response = await send().catch((error: Error) => {
          if (/EPIPE|ECONNRESET|socket hang up/.test(error.message)) return send();
          throw error;
        });
        const text = await response.text();
        expect(response.status(), `${action} as ${caller}`).toBeLessThan(500);
        const messages = messagesIn(text);
        const after = dbFingerprint();
        const toSignIn = [303, 307].includes(response.status()) && (response.headers().location ?? '').startsWith('/sign-in');
        if (toSignIn) {
          tally.refused++;
          expect(after, `${action} signed out changed the database`).toBe(last);
        } else if (messages.length) {
          tally.refused++;
          for (const m of messages) expect(m, `${action} as ${caller}: an unclear message`).not.toMatch(UNCLEAR);
          expect(after, `${action} as ${caller} was refused but changed the database`).toBe(last);
          tally.refusedWithMessage++;
        } else {
          tally.accepted++;
          if (process.env.FUZZ_DEBUG)
            console.log('ACCEPTED', action, caller, response.status(), JSON.stringify(fields).slice(0, 150), text.slice(0, 300).replace(/\n/g, ' | '));
        }
        last = after;
      }),
      { numRuns: CASES, seed: SEED, endOnFailure: true },
    );
  } finally {
    for (const context of contexts.values()) await context.dispose();
  }
  console.log(`fuzz: ${CASES} action calls: ${tally.refused} refused with a message, ${tally.accepted} accepted or answered without an error`);
  expect(tally.refused).toBeGreaterThan(CASES / 2);
});

test('malformed query strings on every route handler and the filterable pages: no 5xx, nothing changed', async ({ baseURL }) => {
  const context = await playwrightRequest.newContext({ baseURL });
  await signInByApi(context, DEMO_USERS.auditor.email);
  const staff = await playwrightRequest.newContext({ baseURL });
  await signInByApi(staff, DEMO_USERS.staff.email);
  const routes = routeFiles()
    .filter((f) => !f.includes('[...nextauth]') && !f.includes('sign-in/oidc'))
    .map((f) =>
      f
        .replace(/^app/, '')
        .replace(/\/route\.ts$/, '')
        .replace('[id]', '1')
        .replace('[format]', 'pdf'),
    );
  const pages = ['/register', '/dashboard', '/actions', '/audit', '/exports', '/reviews', '/inspections', '/risks/I1', '/snapshots/1/report'];
  const before = dbFingerprint();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes, ...pages),
      fc.dictionary(
        fc.constantFrom(
          'format',
          'risk',
          'from',
          'to',
          'forum',
          'asAt',
          'band',
          'category',
          'impactArea',
          'reviewStatus',
          'owner',
          'status',
          'overdue',
          'export',
          'action',
          'entityType',
          'actor',
        ),
        nasty.filter((v) => v.length < 2000),
        { maxKeys: 5 },
      ),
      fc.boolean(),
      async (target, query, asStaff) => {
        const url = `${target}?${new URLSearchParams(query)}`;
        const response = await (asStaff ? staff : context).get(url, { maxRedirects: 0, timeout: 60_000 });
        expect(response.status(), url).toBeLessThan(500);
      },
    ),
    { numRuns: 200, seed: SEED },
  );
  expect(dbFingerprint()).toBe(before);
  await context.dispose();
  await staff.dispose();
});

test('accepted text with HTML and script is shown escaped: no script runs on the pages that show it', async ({ page, request }) => {
  const script: string[] = [];
  page.on('dialog', (dialog) => void dialog.dismiss());
  const payload = '<img src=x onerror="window.__fuzzed=1"><script>window.__fuzzed=1</script> \u202eright-to-left =SUM(1)';
  await signInByApi(request, DEMO_USERS.staff.email);
  const saved = await reviewI10(request, {
    likelihood: '1',
    control: '2',
    impact: '3',
    reason: payload,
    event: `OPCC fails to meet its legal requirements ${payload}`,
  });
  expect(saved.status).toBeLessThan(400);
  expect(messagesIn(saved.text)).toEqual([]);
  await signInAs(page, 'staff');
  await page.goto('/risks/I10');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');
  for (const url of ['/register', '/risks/I1', '/risks/I10', '/actions', '/audit', '/snapshots', '/dashboard']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    script.push(...((await page.evaluate(() => (window as unknown as { __fuzzed?: number }).__fuzzed)) ? [url] : []));
  }
  expect(script).toEqual([]);
});
