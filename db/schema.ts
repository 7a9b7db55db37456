/**
 * The register's data model. History is kept, never rewritten: reviews, settings and the audit log are
 * append-only (enforced by triggers in drizzle/), risks are archived rather than deleted, and text that
 * changes over time (event, owner, consequences, mitigations, impact areas) is held with the day each
 * version took effect so the register can be rebuilt as it stood on any date.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../lib/domain/roles';
import type { RowRecord } from '../lib/domain/row-digest';

const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** People who own risks, mitigations and actions: OPCC staff or force leads; not all of them sign in. */
export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  jobTitle: text('job_title'),
  organisation: text('organisation', { enum: ['opcc', 'force', 'partner'] })
    .notNull()
    .default('opcc'),
  email: text('email'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: timestamp('created_at'),
});

/** Accounts that sign in; a user may be one of the people who own things. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash'),
    personId: integer('person_id').references(() => people.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    passwordChangedAt: text('password_changed_at'),
    lastSignInAt: text('last_sign_in_at'),
    deactivatedAt: text('deactivated_at'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

/**
 * Failed sign-in attempts by email address, whether or not an account has that address, so a lockout
 * never reveals which addresses exist.
 */
export const signInAttempts = sqliteTable('sign_in_attempts', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastFailureAt: text('last_failure_at'),
});

/**
 * Counted sign-in attempts from one client address at one email address: the growing delay between
 * attempts (lib/auth/lockout.ts). Counted before the password is checked, cleared by a success.
 */
export const signInThrottles = sqliteTable(
  'sign_in_throttles',
  {
    email: text('email').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastFailureAt: text('last_failure_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] })],
);

/**
 * Where an account has signed in before: a browser (the SHA-256 of its known-device cookie) or, behind a
 * trusted proxy, a client address (its SHA-256). Attempts from either are counted on their own and are never
 * stopped by the account-wide lock that other people's guesses can set (lib/auth/lockout.ts).
 */
export const signInKnown = sqliteTable(
  'sign_in_known',
  {
    email: text('email').notNull(),
    kind: text('kind', { enum: ['device', 'address'] }).notNull(),
    keyHash: text('key_hash').notNull(),
    lastSignInAt: text('last_sign_in_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.kind, t.keyHash] }), check('sign_in_known_kind', sql`${t.kind} in ('device', 'address')`)],
);

/** Sessions ended by signing out (or by an admin), refused until they would have expired anyway. */
export const revokedSessions = sqliteTable('revoked_sessions', {
  sessionId: text('session_id').primaryKey(),
  userId: integer('user_id').references(() => users.id),
  revokedAt: timestamp('revoked_at'),
  expiresAt: text('expires_at').notNull(),
});

/** One row per risk: its current state. Earlier states live in risk_revisions and the dated lists. */
export const risks = sqliteTable(
  'risks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ref: text('ref').notNull(),
    category: text('category', { enum: ['inherent', 'topical'] }).notNull(),
    refNumber: integer('ref_number').notNull(),
    dateIdentified: text('date_identified').notNull(),
    event: text('event').notNull(),
    status: text('status', { enum: ['live', 'archived'] })
      .notNull()
      .default('live'),
    ownerId: integer('owner_id').references(() => people.id),
    archivedOn: text('archived_on'),
    archivedReason: text('archived_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at'),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [
    uniqueIndex('risks_ref_unique').on(t.ref),
    uniqueIndex('risks_category_number_unique').on(t.category, t.refNumber),
    index('risks_status_idx').on(t.status),
    check('risks_ref_number_positive', sql`${t.refNumber} >= 1`),
    check('risks_inherent_never_archived', sql`NOT (${t.category} = 'inherent' AND ${t.status} = 'archived')`),
  ],
);

/** Each version of a risk's own fields (event, category, owner, status), from the day it took effect. */
export const riskRevisions = sqliteTable(
  'risk_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    event: text('event').notNull(),
    category: text('category', { enum: ['inherent', 'topical'] }).notNull(),
    status: text('status', { enum: ['live', 'archived'] }).notNull(),
    ownerId: integer('owner_id').references(() => people.id),
    reviewId: integer('review_id'),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    uniqueIndex('risk_revisions_risk_version_unique').on(t.riskId, t.version),
    // The revision in force on a day (as-at views, exports) is one seek; so is the revision a review wrote.
    index('risk_revisions_risk_effective_idx').on(t.riskId, t.effectiveFrom, t.version),
    index('risk_revisions_review_idx').on(t.reviewId),
  ],
);

/** An ordered consequence of a risk, in force from `validFrom` until the day it was replaced. */
export const riskConsequences = sqliteTable(
  'risk_consequences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('risk_consequences_risk_idx').on(t.riskId, t.validTo)],
);

/** A mitigation or control, with its owner; retired rather than deleted when it no longer applies. */
export const riskMitigations = sqliteTable(
  'risk_mitigations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    ownerId: integer('owner_id').references(() => people.id),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    retiredReason: text('retired_reason'),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('risk_mitigations_risk_idx').on(t.riskId, t.validTo)],
);

/** A risk's main impact areas from the fixed vocabulary, each dated like the other lists. */
export const riskImpactAreas = sqliteTable(
  'risk_impact_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    area: text('area', { enum: ['Financial', 'Legal', 'Operational Delivery', 'Performance', 'Reputational'] }).notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('risk_impact_areas_risk_idx').on(t.riskId, t.validTo), index('risk_impact_areas_area_idx').on(t.area)],
);

/**
 * A review of a risk: append-only. `sequence` orders a risk's reviews (an imported earlier review may
 * have no recorded date). Factors may be unknown for imported history, but the score never is, and
 * when all three factors are known the score is their product.
 */
export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    sequence: integer('sequence').notNull(),
    reviewedOn: text('reviewed_on'),
    reviewedOnNote: text('reviewed_on_note'),
    forum: text('forum', { enum: ['monthly', 'cmb', 'jiac', 'panel', 'other', 'import'] }).notNull(),
    reviewerUserId: integer('reviewer_user_id').references(() => users.id),
    reviewerName: text('reviewer_name'),
    likelihood: integer('likelihood'),
    control: integer('control'),
    impact: integer('impact'),
    score: integer('score').notNull(),
    reason: text('reason'),
    source: text('source'),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    uniqueIndex('reviews_risk_sequence_unique').on(t.riskId, t.sequence),
    index('reviews_reviewed_on_idx').on(t.reviewedOn),
    // The last reviews of a risk made on or before a day, read from the index alone (the register as at a date).
    index('reviews_risk_day_idx').on(t.riskId, t.reviewedOn, t.sequence),
    check('reviews_likelihood_range', sql`${t.likelihood} IS NULL OR ${t.likelihood} BETWEEN 1 AND 4`),
    check('reviews_control_range', sql`${t.control} IS NULL OR ${t.control} BETWEEN 1 AND 4`),
    check('reviews_impact_range', sql`${t.impact} IS NULL OR ${t.impact} BETWEEN 1 AND 4`),
    check('reviews_score_range', sql`${t.score} BETWEEN 1 AND 64`),
    check(
      'reviews_score_is_product',
      sql`${t.likelihood} IS NULL OR ${t.control} IS NULL OR ${t.impact} IS NULL OR ${t.score} = ${t.likelihood} * ${t.control} * ${t.impact}`,
    ),
  ],
);

/**
 * A correction of a recorded review: the values it should have held (date, forum, factors, score,
 * reason) and why the original was wrong. Append-only, like reviews: the original row is never changed,
 * and the latest correction of a review is what every derived view uses (applyCorrections in
 * db/queries/risks.ts). A review may be corrected again; every correction is kept.
 */
export const reviewCorrections = sqliteTable(
  'review_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id),
    reviewedOn: text('reviewed_on'),
    forum: text('forum', { enum: ['monthly', 'cmb', 'jiac', 'panel', 'other', 'import'] }).notNull(),
    likelihood: integer('likelihood').notNull(),
    control: integer('control').notNull(),
    impact: integer('impact').notNull(),
    score: integer('score').notNull(),
    reason: text('reason'),
    why: text('why').notNull(),
    correctedByUserId: integer('corrected_by_user_id').references(() => users.id),
    correctedByName: text('corrected_by_name').notNull(),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    index('review_corrections_review_idx').on(t.reviewId, t.id),
    check('review_corrections_likelihood_range', sql`${t.likelihood} BETWEEN 1 AND 4`),
    check('review_corrections_control_range', sql`${t.control} BETWEEN 1 AND 4`),
    check('review_corrections_impact_range', sql`${t.impact} BETWEEN 1 AND 4`),
    check('review_corrections_score_is_product', sql`${t.score} = ${t.likelihood} * ${t.control} * ${t.impact}`),
  ],
);

/**
 * An owner's proposed score and mitigation updates for a risk they own, which office staff confirm (by
 * logging a review from it) or decline. Pending until decided; decisions are recorded, not erased.
 */
export const reviewProposals = sqliteTable(
  'review_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    proposedByUserId: integer('proposed_by_user_id')
      .notNull()
      .references(() => users.id),
    likelihood: integer('likelihood').notNull(),
    control: integer('control').notNull(),
    impact: integer('impact').notNull(),
    score: integer('score').notNull(),
    reason: text('reason').notNull(),
    mitigationUpdate: text('mitigation_update'),
    status: text('status', { enum: ['pending', 'confirmed', 'declined'] })
      .notNull()
      .default('pending'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
    reviewId: integer('review_id').references(() => reviews.id),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    index('review_proposals_risk_idx').on(t.riskId, t.status),
    check(
      'review_proposals_factors',
      sql`${t.likelihood} BETWEEN 1 AND 4 AND ${t.control} BETWEEN 1 AND 4 AND ${t.impact} BETWEEN 1 AND 4 AND ${t.score} = ${t.likelihood} * ${t.control} * ${t.impact}`,
    ),
  ],
);

/** Register settings with their history: each row is a board decision effective from a day. */
export const registerSettings = sqliteTable(
  'register_settings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    effectiveFrom: text('effective_from').notNull(),
    appetite: integer('appetite').notNull(),
    removalComparator: text('removal_comparator', { enum: ['<', '<='] }).notNull(),
    removalThreshold: integer('removal_threshold').notNull(),
    likelihoodName: text('likelihood_name').notNull(),
    controlName: text('control_name').notNull(),
    controlScale: text('control_scale').notNull(),
    impactName: text('impact_name').notNull(),
    approvedBy: text('approved_by').notNull(),
    minuteRef: text('minute_ref'),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    index('register_settings_effective_idx').on(t.effectiveFrom),
    check('register_settings_appetite_range', sql`${t.appetite} BETWEEN 1 AND 64`),
    check('register_settings_threshold_range', sql`${t.removalThreshold} BETWEEN 1 AND 64`),
  ],
);

/** Every change, written in the same transaction as the change itself; append-only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: timestamp('at'),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    detail: text('detail', { mode: 'json' }),
    /**
     * The rows this entry recorded, each `[table, id, sha256 of the row in canonical form]` (with the
     * previous digest for a row it changed), taken by the connection that wrote them (db/row-capture.ts,
     * lib/domain/row-digest.ts); covered by the entry's hash, so a row changed later no longer matches.
     */
    records: text('records', { mode: 'json' }).$type<RowRecord[]>(),
    /** Hash chain: each entry holds the previous entry's hash and its own (lib/domain/audit-chain.ts). */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action)],
);

/** Small facts about this database, such as which demo data it was seeded with. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at'),
});

export type Risk = typeof risks.$inferSelect;
export type Review = typeof reviews.$inferSelect;
export type ReviewCorrection = typeof reviewCorrections.$inferSelect;
export type NewReview = typeof reviews.$inferInsert;
export type Person = typeof people.$inferSelect;
export type User = typeof users.$inferSelect;
export type RegisterSettingsRow = typeof registerSettings.$inferSelect;
export type AuditEntry = typeof auditLog.$inferInsert;

/** An inspection report (HMICFRS/HMIC) and the PCC's s.55 response to it. */
export const inspections = sqliteTable('inspections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  force: text('force').notNull(),
  title: text('title').notNull(),
  inspectorate: text('inspectorate').notNull(),
  type: text('type').notNull(),
  year: text('year').notNull(),
  publishedOn: text('published_on').notNull(),
  sourceName: text('source_name'),
  s55Status: text('s55_status', { enum: ['not-started', 'comments-requested', 'drafted', 'published'] })
    .notNull()
    .default('not-started'),
  s55PublishedOn: text('s55_published_on'),
  s55Link: text('s55_link'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at'),
});

/** A graded judgment in an inspection report. */
export const inspectionJudgments = sqliteTable('inspection_judgments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  inspectionId: integer('inspection_id')
    .notNull()
    .references(() => inspections.id),
  position: integer('position').notNull(),
  pillar: text('pillar'),
  component: text('component').notNull(),
  grade: text('grade', { enum: ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded'] }).notNull(),
  lastInspected: text('last_inspected'),
});

/** An area for improvement, cause of concern or recommendation, with its owner, lead and status. */
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    kind: text('kind', { enum: ['area-for-improvement', 'cause-of-concern', 'recommendation'] }).notNull(),
    reference: text('reference').notNull(),
    component: text('component'),
    text: text('text').notNull(),
    subItems: text('sub_items', { mode: 'json' }).$type<string[]>().notNull(),
    line: integer('line'),
    status: text('status', { enum: ['open', 'in-progress', 'evidence-submitted', 'closed', 'superseded'] })
      .notNull()
      .default('open'),
    opccOwnerId: integer('opcc_owner_id').references(() => people.id),
    forceLead: text('force_lead'),
    withinMonths: integer('within_months'),
    deadline: text('deadline'),
    causeId: integer('cause_id'),
    predecessorId: integer('predecessor_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('findings_inspection_idx').on(t.inspectionId), uniqueIndex('findings_reference_unique').on(t.reference)],
);

/** Dated, attributed progress notes on a finding; append-only. */
export const findingNotes = sqliteTable('finding_notes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  findingId: integer('finding_id')
    .notNull()
    .references(() => findings.id),
  note: text('note').notNull(),
  authorUserId: integer('author_user_id').references(() => users.id),
  authorName: text('author_name').notNull(),
  createdAt: timestamp('created_at'),
});

/** A link from a finding to a risk it bears on; unlinking closes the row, so the history stays. */
export const findingRiskLinks = sqliteTable(
  'finding_risk_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id),
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id),
    linkedByUserId: integer('linked_by_user_id').references(() => users.id),
    linkedAt: timestamp('linked_at'),
    unlinkedByUserId: integer('unlinked_by_user_id').references(() => users.id),
    unlinkedAt: text('unlinked_at'),
  },
  (t) => [index('finding_risk_links_risk_idx').on(t.riskId), index('finding_risk_links_finding_idx').on(t.findingId)],
);

/** Anything with an owner and a due date: answering a finding, a risk's mitigation, or a minute. */
export const actions = sqliteTable(
  'actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    sourceType: text('source_type', { enum: ['finding', 'risk', 'minute', 'other'] }).notNull(),
    sourceRef: text('source_ref'),
    findingId: integer('finding_id').references(() => findings.id),
    riskId: integer('risk_id').references(() => risks.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => people.id),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['not-started', 'in-progress', 'completed', 'cancelled'] })
      .notNull()
      .default('not-started'),
    completedOn: text('completed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('actions_owner_idx').on(t.ownerId), index('actions_due_idx').on(t.dueOn), index('actions_risk_idx').on(t.riskId)],
);

/** Progress updates on an action; append-only. */
export const actionUpdates = sqliteTable('action_updates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  actionId: integer('action_id')
    .notNull()
    .references(() => actions.id),
  note: text('note').notNull(),
  statusAfter: text('status_after', { enum: ['not-started', 'in-progress', 'completed', 'cancelled'] }).notNull(),
  authorUserId: integer('author_user_id').references(() => users.id),
  authorName: text('author_name').notNull(),
  createdAt: timestamp('created_at'),
});

/** Every due date an action has had, with the reason for each revision; append-only. */
export const actionDueDates = sqliteTable('action_due_dates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  actionId: integer('action_id')
    .notNull()
    .references(() => actions.id),
  dueOn: text('due_on').notNull(),
  reason: text('reason'),
  setByUserId: integer('set_by_user_id').references(() => users.id),
  setByName: text('set_by_name').notNull(),
  createdAt: timestamp('created_at'),
});

/** A frozen register for a meeting: its content never changes and carries a SHA-256 of itself. */
export const registerSnapshots = sqliteTable('register_snapshots', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  forum: text('forum', { enum: ['monthly', 'cmb', 'jiac', 'panel', 'other', 'import'] }).notNull(),
  meetingOn: text('meeting_on').notNull(),
  asAt: text('as_at').notNull(),
  content: text('content').notNull(),
  sha256: text('sha256').notNull(),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at'),
});

/**
 * The covering report drafted from a snapshot for its meeting. Staff edit the narrative while it is a
 * draft; publishing freezes the rendered report with a SHA-256 and nothing changes it after that.
 */
export const coveringReports = sqliteTable(
  'covering_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => registerSnapshots.id),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    /** The editable narrative as JSON (lib/domain/covering-report.ts `Narrative`). */
    narrative: text('narrative').notNull(),
    version: integer('version').notNull().default(1),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at'),
    /** The published report (`CoveringReport` as canonical JSON) and its SHA-256; null while a draft. */
    content: text('content'),
    sha256: text('sha256'),
    publishedByUserId: integer('published_by_user_id').references(() => users.id),
    publishedByName: text('published_by_name'),
    publishedAt: text('published_at'),
  },
  (t) => [
    uniqueIndex('covering_reports_snapshot_unique').on(t.snapshotId),
    check(
      'covering_reports_published_has_content',
      sql`${t.status} = 'draft' OR (${t.content} IS NOT NULL AND ${t.sha256} IS NOT NULL AND ${t.publishedAt} IS NOT NULL)`,
    ),
  ],
);
export type CoveringReportRow = typeof coveringReports.$inferSelect;

/** A person's choice of reminders (lib/domain/reminders.ts): the kinds turned off and how often; none stored means all, daily. */
export const notificationPreferences = sqliteTable('notification_preferences', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  off: text('off', { mode: 'json' }).$type<string[]>().notNull(),
  frequency: text('frequency', { enum: ['daily', 'weekly'] })
    .notNull()
    .default('daily'),
  updatedAt: timestamp('updated_at'),
});

/**
 * The send log: one row per digest composed for a person on a day, with what it said and what became of
 * it. "not-sent" is a digest composed where no mail server is configured (kept so the office sees what
 * would go); "failed" is retried by later runs up to a limit.
 */
export const notificationLog = sqliteTable(
  'notification_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    email: text('email').notNull(),
    day: text('day').notNull(),
    kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
    subject: text('subject').notNull(),
    /** The text part as composed; `html` the HTML part. */
    body: text('body').notNull(),
    html: text('html').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'not-sent', 'replaced'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    messageId: text('message_id'),
    error: text('error'),
    createdAt: timestamp('created_at'),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [index('notification_log_day_idx').on(t.day), index('notification_log_status_idx').on(t.status)],
);

/** Each reminder a digest carried. The unique key is what stops a reminder going to a person twice, whichever run claims it first. */
export const notificationItems = sqliteTable(
  'notification_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    logId: integer('log_id')
      .notNull()
      .references(() => notificationLog.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    occasion: text('occasion').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    dueOn: text('due_on').notNull(),
  },
  (t) => [uniqueIndex('notification_items_person_occasion_unique').on(t.userId, t.occasion), index('notification_items_log_idx').on(t.logId)],
);

/**
 * A person's private calendar feed: the SHA-256 of its secret token (the token itself is shown once and
 * never stored). Revoking sets `revokedAt`; a new feed is a new row.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    tokenSha256: text('token_sha256').notNull(),
    createdAt: timestamp('created_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('calendar_feeds_token_unique').on(t.tokenSha256), index('calendar_feeds_user_idx').on(t.userId)],
);

/** The forums that meet on a calendar the register answers to: the Panel, the CMB and the audit committee (JIAC). */
export const MEETING_FORUMS = ['panel', 'cmb', 'jiac'] as const;

/** A dated meeting of a forum, with its place: the forward work plan's rows, or added by hand. Never deleted. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    forum: text('forum', { enum: MEETING_FORUMS }).notNull(),
    meetingOn: text('meeting_on').notNull(),
    time: text('time'),
    place: text('place'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at'),
  },
  (t) => [uniqueIndex('meetings_forum_day_unique').on(t.forum, t.meetingOn), index('meetings_day_idx').on(t.meetingOn)],
);

/**
 * A provisional agenda item of a meeting (its forward work plan): append-only. `commitmentId` is set when staff
 * put an item on the plan to carry a commitment that was off it.
 */
export const meetingItems = sqliteTable(
  'meeting_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    title: text('title').notNull(),
    source: text('source', { enum: ['plan', 'hand', 'commitment'] }).notNull(),
    commitmentId: integer('commitment_id'),
    addedByUserId: integer('added_by_user_id').references(() => users.id),
    addedByName: text('added_by_name').notNull(),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('meeting_items_meeting_idx').on(t.meetingId)],
);

/**
 * A commitment recorded in a meeting's minutes: the action that tracks it (owner, due date, status, updates)
 * and what the minutes said, verbatim. `dueMeetingId` is the meeting it is due at, when it is due at one;
 * each change of it is kept in commitment_moves with its reason.
 */
export const commitments = sqliteTable(
  'commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
    fromMeetingId: integer('from_meeting_id')
      .notNull()
      .references(() => meetings.id),
    minute: text('minute').notNull(),
    minuteTitle: text('minute_title').notNull(),
    quote: text('quote').notNull(),
    givenBy: text('given_by').notNull(),
    dueText: text('due_text'),
    dueMeetingId: integer('due_meeting_id').references(() => meetings.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at'),
  },
  (t) => [
    uniqueIndex('commitments_action_unique').on(t.actionId),
    index('commitments_due_meeting_idx').on(t.dueMeetingId),
    index('commitments_from_meeting_idx').on(t.fromMeetingId),
  ],
);

/** Every meeting a commitment has been due at after the first, with the reason for the move; append-only. */
export const commitmentMoves = sqliteTable(
  'commitment_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    fromMeetingId: integer('from_meeting_id').references(() => meetings.id),
    toMeetingId: integer('to_meeting_id').references(() => meetings.id),
    reason: text('reason').notNull(),
    movedByUserId: integer('moved_by_user_id').references(() => users.id),
    movedByName: text('moved_by_name').notNull(),
    createdAt: timestamp('created_at'),
  },
  (t) => [index('commitment_moves_commitment_idx').on(t.commitmentId)],
);
export type MeetingRow = typeof meetings.$inferSelect;
