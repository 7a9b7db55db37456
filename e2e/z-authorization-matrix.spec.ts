/**
 * The authorisation matrix: every server action and route handler in the built app, called directly
 * over HTTP (not through the pages that hide what a role cannot use) by each role, by a visitor with
 * no session and by one whose session has ended. Allowed calls must succeed; refused ones must be
 * refused and leave every table exactly as it was.
 *
 * Adding an endpoint? Add it to ACTIONS or ROUTES below with the roles allowed and a valid input:
 * the first test fails until every action in the build and every route.ts under app/ is listed.
 */
import { officeDay } from '../lib/domain/dates';
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { actionBody, builtActions, routeFiles } from './actions';
import { dbFingerprint, DEMO_USERS, openTestDb, signInByApi, type DemoRole } from './helpers';

type Caller = DemoRole | 'signed-out' | 'ended-session';
const ROLES = Object.keys(DEMO_USERS) as DemoRole[];
const CALLERS: Caller[] = [...ROLES, 'signed-out', 'ended-session'];
const EVERYONE = 'everyone' as const;

type Fields = Record<string, string>;
/** readOnly: an allowed call succeeds without changing anything (a preview). */
type ActionSpec = { page: string; allowed: DemoRole[] | typeof EVERYONE; fields: (caller: Caller) => Fields; readOnly?: boolean };

function riskVersion(ref: string): string {
  const db = openTestDb();
  try {
    return String((db.prepare('select version from risks where ref = ?').get(ref) as { version: number }).version);
  } finally {
    db.close();
  }
}

/** Today in the office's time zone, as the server reads it, whatever this runner's TZ. */
const todayParts = () => {
  const [year, month, day] = officeDay(new Date()).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

function userIdOf(email: string): { id: number; version: number } {
  const db = openTestDb();
  try {
    return db.prepare('select id, version from users where lower(email) = ?').get(email) as { id: number; version: number };
  } finally {
    db.close();
  }
}

const TARGET = 'auditor@example.org';

const MINUTES_TEXT = fs.readFileSync(path.join(__dirname, '..', 'lib', 'domain', 'fixtures', 'minutes-2018-03-22-and-05-09.txt'), 'utf8');

/** The first commitment and its action's version: what closing it changes. */
function firstCommitment(): { id: string; version: string } {
  const db = openTestDb();
  try {
    const row = db.prepare('select c.id, a.version from commitments c join actions a on a.id = c.action_id order by c.id limit 1').get() as {
      id: number;
      version: number;
    };
    return { id: String(row.id), version: String(row.version) };
  } finally {
    db.close();
  }
}

/** The first commitment, its version, and a later meeting of its forum it is not yet due at: a move that changes something. */
function commitmentMoveTarget(): { id: string; version: string; toMeetingId: string } {
  const db = openTestDb();
  try {
    const c = db
      .prepare(
        'select c.id, c.version, c.due_meeting_id as due, m.forum, m.meeting_on as fromOn from commitments c join meetings m on m.id = c.from_meeting_id order by c.id limit 1',
      )
      .get() as { id: number; version: number; due: number | null; forum: string; fromOn: string };
    const to = db
      .prepare('select id from meetings where forum = ? and meeting_on > ? and id is not ? order by meeting_on limit 1')
      .get(c.forum, c.fromOn, c.due) as { id: number };
    return { id: String(c.id), version: String(c.version), toMeetingId: String(to.id) };
  } finally {
    db.close();
  }
}

const IMPORT_CSV =
  'ID,Category,Date identified,Event,Consequences,Impact areas,Mitigations,L,C,I,Score,Date reviewed,Summary\nI40,inherent,01/01/2026,Matrix import,One,Legal,Two,1,1,1,1,01/01/2026,NEW';

function oldestPendingProposal(): string {
  const db = openTestDb();
  try {
    const row = db.prepare("select id from review_proposals where status = 'pending' order by id limit 1").get() as { id: number } | undefined;
    return String(row?.id ?? 0);
  } finally {
    db.close();
  }
}

function firstId(table: 'inspections' | 'findings' | 'actions', where = '1 = 1'): { id: string; version: string } {
  const db = openTestDb();
  try {
    const row = db.prepare(`select id, version from ${table} where ${where} order by id limit 1`).get() as { id: number; version: number };
    return { id: String(row.id), version: String(row.version) };
  } finally {
    db.close();
  }
}

/** The newest snapshot without a covering report, and the newest draft report: targets that can change. */
function reportTargets(): { unreported: string; draft: { snapshotId: string; version: string } } {
  const db = openTestDb();
  try {
    const unreported = db
      .prepare('select id from register_snapshots where id not in (select snapshot_id from covering_reports) order by id desc limit 1')
      .get() as { id: number } | undefined;
    const draft = db.prepare("select snapshot_id as snapshotId, version from covering_reports where status = 'draft' order by id desc limit 1").get() as
      { snapshotId: number; version: number } | undefined;
    return { unreported: String(unreported?.id ?? 1), draft: { snapshotId: String(draft?.snapshotId ?? 1), version: String(draft?.version ?? 1) } };
  } finally {
    db.close();
  }
}

const REPORT_TEXT = fs.readFileSync(path.resolve('lib/domain/fixtures/report-cause-of-concern.md'), 'utf8');

const ACTIONS: Record<string, ActionSpec> = {
  'app/(signed-in)/snapshots/server-actions.ts#freezeSnapshotAction': {
    page: '/snapshots',
    allowed: ['admin', 'staff'],
    fields: () => ({
      forum: 'cmb',
      'meetingOn-day': '1',
      'meetingOn-month': '12',
      'meetingOn-year': '2026',
      'asAt-day': '1',
      'asAt-month': '11',
      'asAt-year': '2026',
    }),
  },
  'app/(signed-in)/snapshots/[id]/report/server-actions.ts#startCoveringReportAction': {
    page: '/snapshots/1/report',
    allowed: ['admin', 'staff'],
    fields: () => ({ snapshotId: reportTargets().unreported }),
  },
  'app/(signed-in)/snapshots/[id]/report/server-actions.ts#saveNarrativeAction': {
    page: '/snapshots/1/report',
    allowed: ['admin', 'staff'],
    fields: () => ({
      ...reportTargets().draft,
      purpose: 'Matrix purpose',
      background: '',
      otherHeading: '',
      otherText: '',
      futureReviews: 'Matrix future reviews',
      signOffName: '',
      signOffRole: '',
    }),
  },
  'app/(signed-in)/snapshots/[id]/report/server-actions.ts#publishCoveringReportAction': {
    page: '/snapshots/1/report',
    allowed: ['admin', 'staff'],
    fields: () => ({ ...reportTargets().draft, confirm: 'yes' }),
  },
  'app/(signed-in)/inspections/server-actions.ts#previewReportAction': {
    page: '/inspections/import',
    allowed: ['admin', 'staff'],
    readOnly: true,
    fields: () => ({ text: REPORT_TEXT }),
  },
  'app/(signed-in)/inspections/server-actions.ts#saveReportAction': {
    page: '/inspections/import',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({
      payload: JSON.stringify({
        judgments: [],
        findings: [{ kind: 'area-for-improvement', component: null, text: 'Matrix finding', subItems: [], withinMonths: null, line: 1 }],
      }),
      sourceName: 'matrix',
      force: 'Matrix Constabulary',
      title: `Matrix report by ${caller}`,
      year: '2026',
      type: 'PEEL',
      inspectorate: 'HMICFRS',
      'publishedOn-day': '1',
      'publishedOn-month': '1',
      'publishedOn-year': '2026',
      'include-1': 'yes',
    }),
  },
  'app/(signed-in)/inspections/server-actions.ts#updateS55Action': {
    page: '/inspections/1',
    allowed: ['admin', 'staff'],
    // A different link per caller: an unchanged save rightly changes nothing.
    fields: (caller) => ({ ...firstId('inspections'), status: 'drafted', link: `https://www.example.org/s55-${caller}` }),
  },
  'app/(signed-in)/inspections/server-actions.ts#updateFindingAction': {
    page: '/inspections/1',
    allowed: ['admin', 'staff'],
    fields: () => ({ ...firstId('findings'), status: 'in-progress', opccOwnerId: '', forceLead: 'Matrix lead', predecessorId: '' }),
  },
  'app/(signed-in)/inspections/server-actions.ts#addFindingNoteAction': {
    page: '/inspections/1',
    allowed: ['admin', 'staff', 'owner'],
    fields: () => ({ id: firstId('findings', "reference = 'WILT-201819-AFI-08'").id, note: 'matrix note' }),
  },
  'app/(signed-in)/inspections/server-actions.ts#linkFindingAction': {
    page: '/inspections/1',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({ id: firstId('findings').id, riskRef: caller === 'admin' ? 'I1' : 'I2', intent: 'link' }),
  },
  'app/(signed-in)/actions/server-actions.ts#createActionAction': {
    page: '/actions/new',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({
      title: `Matrix action by ${caller}`,
      sourceType: 'other',
      sourceRef: 'matrix',
      findingId: '',
      riskRef: '',
      ownerId: '1',
      'dueOn-day': '1',
      'dueOn-month': '1',
      'dueOn-year': '2027',
    }),
  },
  'app/(signed-in)/actions/server-actions.ts#addActionUpdateAction': {
    page: '/actions/1',
    allowed: ['admin', 'staff', 'owner'],
    fields: () => ({
      ...firstId('actions', "owner_id = (select id from people where email = 'owner@example.org')"),
      status: 'in-progress',
      note: 'matrix update',
    }),
  },
  'app/(signed-in)/actions/server-actions.ts#reviseActionDueAction': {
    page: '/actions/1',
    allowed: ['admin', 'staff', 'owner'],
    fields: (caller) => ({
      ...firstId('actions', "owner_id = (select id from people where email = 'owner@example.org')"),
      reason: 'matrix revision',
      'newDueOn-day': String(ROLES.indexOf(caller as DemoRole) + 1),
      'newDueOn-month': '6',
      'newDueOn-year': '2027',
    }),
  },
  'app/(signed-in)/risks/[ref]/propose/server-actions.ts#proposeReviewAction': {
    page: '/risks/T7/propose',
    allowed: ['owner'],
    fields: () => ({ ref: 'T7', likelihood: '2', control: '4', impact: '2', reason: 'matrix proposal', mitigationUpdate: '' }),
  },
  'app/(signed-in)/risks/[ref]/propose/server-actions.ts#declineProposalAction': {
    page: '/risks/T7',
    allowed: ['admin', 'staff'],
    fields: () => ({ ref: 'T7', proposalId: oldestPendingProposal(), note: 'matrix decline' }),
  },
  'app/(signed-in)/meetings/server-actions.ts#addMeetingAction': {
    page: '/meetings/new',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({ forum: 'jiac', meetingOn: `${ROLES.indexOf(caller as DemoRole) + 1} March 2031`, time: '', place: 'Matrix' }),
  },
  'app/(signed-in)/meetings/server-actions.ts#previewPlanAction': {
    page: '/meetings/import-plan',
    allowed: ['admin', 'staff'],
    readOnly: true,
    fields: () => ({ forum: 'panel', text: '27 th September 2031 10:30am\tCounty Hall\t• Member questions' }),
  },
  'app/(signed-in)/meetings/server-actions.ts#savePlanAction': {
    page: '/meetings/import-plan',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({
      payload: JSON.stringify([{ on: '2031-04-01', time: null, location: null, items: [`Matrix item from ${caller}`] }]),
      forum: 'jiac',
      sourceName: 'matrix',
      'include-0': 'yes',
    }),
  },
  'app/(signed-in)/meetings/server-actions.ts#addAgendaItemAction': {
    page: '/meetings/1',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({ meetingId: '1', title: `Matrix agenda item by ${caller}`, commitmentId: '' }),
  },
  'app/(signed-in)/meetings/server-actions.ts#moveCommitmentAction': {
    page: '/meetings/1',
    allowed: ['admin', 'staff'],
    fields: () => ({ ...commitmentMoveTarget(), reason: 'matrix move' }),
  },
  'app/(signed-in)/meetings/server-actions.ts#closeCommitmentAction': {
    page: '/meetings/1',
    allowed: ['admin', 'staff'],
    fields: () => ({ ...firstCommitment(), status: 'cancelled', note: 'matrix close' }),
  },
  'app/(signed-in)/meetings/server-actions.ts#previewMinutesAction': {
    page: '/meetings/import-minutes',
    allowed: ['admin', 'staff'],
    readOnly: true,
    fields: () => ({ forum: 'panel', text: MINUTES_TEXT }),
  },
  'app/(signed-in)/meetings/server-actions.ts#saveMinutesAction': {
    page: '/meetings/import-minutes',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({
      payload: JSON.stringify([
        {
          meetingOn: '2031-01-01',
          minute: '1',
          minuteTitle: 'Matrix',
          quote: `Matrix quote from ${caller}`,
          by: 'The office (OPCC)',
          what: 'x',
          due: { text: null, meetingOn: null, day: null },
        },
      ]),
      forum: 'jiac',
      sourceName: 'matrix',
      'include-0': 'yes',
      'what-0': 'Matrix commitment',
      'givenBy-0': 'The office (OPCC)',
      'ownerId-0': '1',
      'dueMeeting-0': '',
      'dueOn-0': '1/1/2032',
      'riskRef-0': '',
    }),
  },
  'app/(signed-in)/register/import/server-actions.ts#previewImportAction': {
    page: '/register/import',
    allowed: ['admin', 'staff'],
    readOnly: true,
    fields: () => ({ text: IMPORT_CSV }),
  },
  'app/(signed-in)/register/import/server-actions.ts#applyImportAction': {
    page: '/register/import',
    allowed: ['admin', 'staff'],
    fields: (caller) => ({
      source: 'matrix',
      asAt: '',
      payload: JSON.stringify([
        {
          // Staff's ref is below admin's: admin's new-risk call takes the next number after admin's import.
          ref: caller === 'admin' ? 'I42' : 'I41',
          category: 'inherent',
          dateIdentified: '2026-01-01',
          event: `Matrix import by ${caller}`,
          consequences: ['One'],
          impactAreas: ['Legal'],
          mitigations: ['Two'],
          likelihood: 1,
          control: 1,
          impact: 1,
          score: 1,
          dateReviewed: '2026-01-01',
          summary: 'NEW',
          summaryDirection: 'new',
          previousScore: null,
          reason: null,
          line: 2,
        },
      ]),
    }),
  },
  'app/(signed-in)/risks/[ref]/reviews/[number]/correct/server-actions.ts#correctReviewAction': {
    page: '/risks/I3/reviews/1/correct',
    allowed: ['admin', 'staff'],
    fields: () => {
      // I3's first review as it stands; each allowed caller corrects its likelihood to the next value.
      const db = openTestDb();
      try {
        const review = db.prepare("select r.id, r.likelihood from reviews r join risks k on k.id = r.risk_id where k.ref = 'I3' and r.sequence = 1").get() as {
          id: number;
          likelihood: number | null;
        };
        const latest = db.prepare('select id, likelihood from review_corrections where review_id = ? order by id desc limit 1').get(review.id) as
          { id: number; likelihood: number } | undefined;
        return {
          ref: 'I3',
          reviewId: String(review.id),
          expectedCorrectionId: latest ? String(latest.id) : '',
          forum: 'cmb',
          likelihood: String(((latest?.likelihood ?? review.likelihood ?? 1) % 4) + 1),
          control: '2',
          impact: '3',
          reason: '',
          why: 'Matrix check of a correction',
        };
      } finally {
        db.close();
      }
    },
  },
  'app/(signed-in)/risks/[ref]/review/server-actions.ts#reviewRiskAction': {
    page: '/risks/I2/review',
    allowed: ['admin', 'staff'],
    fields: () => {
      const t = todayParts();
      return {
        ref: 'I2',
        intent: 'save',
        returnTo: 'risk',
        version: riskVersion('I2'),
        'reviewedOn-day': t.day,
        'reviewedOn-month': t.month,
        'reviewedOn-year': t.year,
        forum: 'monthly',
        likelihood: '2',
        control: '2',
        impact: '4',
        reason: 'matrix',
        event: 'Matrix check of I2',
        consequences: 'One consequence',
        impactAreas: 'Financial',
      };
    },
  },
  'app/(signed-in)/reviews/monthly/server-actions.ts#noChangeAction': {
    page: '/reviews/monthly',
    allowed: ['admin', 'staff'],
    fields: () => ({ ref: 'I3', version: riskVersion('I3'), reason: 'business as usual' }),
  },
  'app/(signed-in)/risks/owners/server-actions.ts#assignOwnersAction': {
    page: '/risks/owners',
    allowed: ['admin', 'staff'],
    // Each allowed caller gives I2 a different owner, so each call changes something.
    fields: (caller) => ({ 'owner-I2': caller === 'admin' ? '1' : '2', 'version-I2': riskVersion('I2') }),
  },
  'app/(signed-in)/risks/new/server-actions.ts#createRiskAction': {
    page: '/risks/new',
    allowed: ['admin', 'staff'],
    fields: (caller) => {
      const t = todayParts();
      return {
        category: 'inherent',
        'dateIdentified-day': t.day,
        'dateIdentified-month': t.month,
        'dateIdentified-year': t.year,
        event: `Matrix risk by ${caller}`,
        consequences: 'A consequence',
        impactAreas: 'Legal',
        mitigations: '',
        ownerId: '',
        likelihood: '1',
        control: '2',
        impact: '2',
        forum: 'cmb',
        reason: '',
      };
    },
  },
  'app/(signed-in)/admin/settings/server-actions.ts#recordSettingsAction': {
    page: '/admin/settings',
    allowed: ['admin'],
    fields: () => {
      const t = todayParts();
      return {
        appetite: '30',
        removalComparator: '<',
        removalThreshold: '10',
        likelihoodName: 'Likelihood',
        controlName: 'Control',
        controlScale: '1 = strong, 4 = limited',
        impactName: 'Impact',
        'effectiveFrom-day': t.day,
        'effectiveFrom-month': t.month,
        'effectiveFrom-year': t.year,
        approvedBy: 'Matrix check',
        minuteRef: '',
      };
    },
  },
  'app/(signed-in)/admin/users/server-actions.ts#addUserAction': {
    page: '/admin/users/new',
    allowed: ['admin'],
    fields: (caller) => ({ name: `Matrix ${caller}`, email: `matrix-${caller}@example.org`, role: 'board', password: 'matrix-password-123' }),
  },
  'app/(signed-in)/admin/users/server-actions.ts#updateUserAction': {
    page: '/admin/users/new',
    allowed: ['admin'],
    fields: () => {
      const target = userIdOf(TARGET);
      return { id: String(target.id), version: String(target.version), name: 'Demo Auditor', role: 'auditor', active: 'yes' };
    },
  },
  'app/(signed-in)/admin/users/server-actions.ts#resetPasswordAction': {
    page: '/admin/users/new',
    allowed: ['admin'],
    fields: () => ({ id: String(userIdOf(TARGET).id), password: 'demo-password' }),
  },
  'app/(signed-in)/account/notifications/server-actions.ts#saveReminderPreferencesAction': {
    page: '/account/notifications',
    allowed: ROLES,
    // Every kind off, weekly: a change from each caller's own choices (no caller has chosen this before).
    fields: () => ({ frequency: 'weekly' }),
  },
  'app/(signed-in)/account/notifications/server-actions.ts#createCalendarFeedAction': {
    page: '/account/notifications',
    allowed: ROLES,
    fields: () => ({}),
  },
  'app/(signed-in)/account/notifications/server-actions.ts#revokeCalendarFeedAction': {
    page: '/account/notifications',
    allowed: ROLES,
    // Runs after the feed above is turned on, so there is one to turn off.
    fields: () => ({}),
  },
  'app/(signed-in)/account/password/server-actions.ts#changeOwnPasswordAction': {
    page: '/account/password',
    allowed: ROLES,
    fields: () => ({ currentPassword: 'demo-password', newPassword: 'demo-password-2', confirmPassword: 'demo-password-2' }),
  },
};

/** Public by design, so not in the refusal matrix: listed so the inventory check knows them. */
const PUBLIC_ACTIONS = {
  'app/sign-in/actions.ts#signInAction': 'the sign-in form itself',
};

type RouteSpec = { method: 'GET'; path: string; allowed: DemoRole[] | typeof EVERYONE };

const ROUTES: Record<string, RouteSpec> = {
  'app/api/register/route.ts': { method: 'GET', path: '/api/register', allowed: ROLES },
  'app/api/health/route.ts': { method: 'GET', path: '/api/health', allowed: EVERYONE },
  'app/api/snapshots/[id]/csv/route.ts': { method: 'GET', path: '/api/snapshots/1/csv', allowed: ['admin', 'staff', 'auditor'] },
  'app/api/snapshots/[id]/report/[format]/route.ts': { method: 'GET', path: '/api/snapshots/1/report/pdf', allowed: ['admin', 'staff', 'board', 'auditor'] },
  'app/api/exports/evidence-pack/route.ts': { method: 'GET', path: '/api/exports/evidence-pack?asAt=2018-05-08', allowed: ['auditor'] },
  'app/api/exports/reviews/route.ts': { method: 'GET', path: '/api/exports/reviews?format=json&risk=I1', allowed: ['admin', 'staff', 'auditor'] },
  'app/api/audit/csv/route.ts': { method: 'GET', path: '/api/audit/csv?action=review.record', allowed: ['admin', 'auditor'] },
  'app/api/exports/commitments/route.ts': { method: 'GET', path: '/api/exports/commitments', allowed: ROLES },
  'app/api/notifications/csv/route.ts': { method: 'GET', path: '/api/notifications/csv?status=sent', allowed: ['admin', 'auditor'] },
};

const PUBLIC_ROUTES = {
  'app/api/auth/[...nextauth]/route.ts': 'next-auth’s own endpoints (csrf, callback, signout, session)',
  'app/sign-in/oidc/route.ts': 'starts single sign-on; only redirects',
  'app/sign-out/route.ts': 'ends the caller’s own session, if any',
  'app/api/calendar/[token]/route.ts':
    'a calendar feed: the secret token in its address is the credential (e2e/workflow-reminders.spec.ts), a wrong one is 404',
};

async function callerContext(caller: Caller, baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (caller === 'signed-out') return context;
  const email = caller === 'ended-session' ? DEMO_USERS.admin.email : DEMO_USERS[caller].email;
  expect((await signInByApi(context, email)).status()).toBe(302);
  if (caller === 'ended-session') {
    const state = await context.storageState();
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await context.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 });
    const ended = await playwrightRequest.newContext({
      baseURL,
      storageState: { cookies: state.cookies.filter((c) => c.name === 'next-auth.session-token'), origins: [] },
    });
    await context.dispose();
    return ended;
  }
  return context;
}

const allows = (allowed: DemoRole[] | typeof EVERYONE, caller: Caller) => allowed === EVERYONE || (allowed as string[]).includes(caller);

test('every server action and route handler in the app is in the matrix', () => {
  const actions = [...builtActions().keys()];
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((key) => !(key in ACTIONS) && !(key in PUBLIC_ACTIONS))).toEqual([]);
  expect(routeFiles().filter((file) => !(file in ROUTES) && !(file in PUBLIC_ROUTES))).toEqual([]);
});

for (const caller of CALLERS) {
  test(`matrix for ${caller}`, async ({ baseURL }) => {
    const ids = builtActions();
    const context = await callerContext(caller, baseURL!);
    try {
      for (const [key, spec] of Object.entries(ACTIONS)) {
        const before = dbFingerprint();
        const response = await context.post(spec.page, {
          headers: { 'Next-Action': ids.get(key)!, Accept: 'text/x-component' },
          multipart: await actionBody(spec.fields(caller)),
          maxRedirects: 0,
        });
        const text = await response.text();
        const after = dbFingerprint();
        if (allows(spec.allowed, caller)) {
          expect(response.status(), `${key} for ${caller}`).toBeLessThan(400);
          const refused = ['You do not have permission to do this', 'Your session has ended', '"fieldErrors"'].filter((t) => text.includes(t));
          expect(refused, `${key} for ${caller}`).toEqual([]);
          if (spec.readOnly) expect(after, `${key} for ${caller} is read-only`).toBe(before);
          else expect(after, `${key} for ${caller} should have changed something`).not.toBe(before);
        } else {
          expect(after, `${key} for ${caller} must change nothing`).toBe(before);
          if (response.status() === 200)
            expect(/You do not have permission to do this|Your session has ended/.test(text), `${key} for ${caller}: refusal message`).toBe(true);
          else expect([303, 307, 308], `${key} for ${caller}: ${response.status()}`).toContain(response.status());
        }
      }
      for (const [file, spec] of Object.entries(ROUTES)) {
        const before = dbFingerprint();
        const response = await context.get(spec.path, { maxRedirects: 0 });
        expect(dbFingerprint(), `${file} for ${caller} must change nothing`).toBe(before);
        if (allows(spec.allowed, caller)) expect(response.status(), `${file} for ${caller}`).toBe(200);
        else expect(response.status(), `${file} for ${caller}`).toBe(caller === 'signed-out' || caller === 'ended-session' ? 401 : 403);
      }
      if (caller !== 'signed-out' && caller !== 'ended-session') {
        // Put the password back for the rest of the suite.
        const restore = await context.post(ACTIONS['app/(signed-in)/account/password/server-actions.ts#changeOwnPasswordAction']!.page, {
          headers: { 'Next-Action': ids.get('app/(signed-in)/account/password/server-actions.ts#changeOwnPasswordAction')!, Accept: 'text/x-component' },
          multipart: await actionBody({ currentPassword: 'demo-password-2', newPassword: 'demo-password', confirmPassword: 'demo-password' }),
        });
        expect(await restore.text()).toContain('Your password has been changed.');
      }
    } finally {
      await context.dispose();
    }
  });
}

test('pages outside sign-in: the accessibility statement and health check are open to all', async ({ request }) => {
  expect((await request.get('/accessibility')).status()).toBe(200);
  expect((await request.get('/api/health')).status()).toBe(200);
  expect((await request.get('/register', { maxRedirects: 0 })).status()).toBe(307);
});
