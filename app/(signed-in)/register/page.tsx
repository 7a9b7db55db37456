/**
 * The dynamic risk register: the page every role opens first and board members keep open. A server
 * component like every other page; its filters are GET forms, so it works without JavaScript.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { Select } from '@/components/govuk/select';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { RegisterTable } from '@/components/register-table';
import { registerTableRows } from '@/components/register-table-rows';
import { getDb } from '@/db/client';
import { auditStatus } from '@/db/queries/audit';
import { listInspections, risksWithOverdueActions } from '@/db/queries/inspections';
import { filterRegister, getLiveRegister, getRegisterAsAt } from '@/db/queries/risks';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { CATEGORIES, CATEGORY_LABEL, describeRemovalRule } from '@/lib/domain/categories';
import { DAY_TEXT_HINT, formatDay } from '@/lib/domain/dates';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import { BANDS, bandLabel } from '@/lib/domain/scoring';
import { today } from '@/lib/today';
import { one, parseAsAt, parseImported, parseRegisterFilters } from '@/lib/validation/register-filters';

export const metadata: Metadata = { title: 'Dynamic risk register' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_LABELS = { category: 'Category', band: 'Band', impactArea: 'Impact area', reviewStatus: 'Review status', asAt: 'As at' } as const;

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('register:read');
  const query = await searchParams;
  const { filters, errors: filterErrors } = parseRegisterFilters(query);
  const errors: Partial<Record<keyof typeof FILTER_LABELS, string>> = { ...filterErrors };
  const now = today();
  const { asAt, error: asAtError } = parseAsAt(query.asAt, now);
  if (asAtError) errors.asAt = asAtError;
  const day = asAt ?? now;
  const db = getDb();
  const { settings, all } = asAt ? getRegisterAsAt(db, asAt) : getLiveRegister(db, day);
  const rows = filterRegister(all, filters);
  const overdueActions = asAt ? new Set<number>() : risksWithOverdueActions(db, day);
  const s55 = !asAt && can(user.role, 'inspection:read') ? listInspections(db, day).filter((i) => i.s55Warning) : [];
  const imported = parseImported(query.imported);
  const asAtText = one(query.asAt);
  const filtered = Object.keys(filters).length > 0;
  const outside = all.filter((row) => row.atOrAboveAppetite).map((row) => row.ref);
  const overdue = all.filter((row) => row.due.status === 'overdue').length;
  const inherent = all.filter((row) => row.category === 'inherent').length;
  const mayCreate = can(user.role, 'risk:create') && !asAt;
  // Those who answer for the record are told at once when the audit log no longer verifies: the chain since
  // the last full check on every view (cheap), and the last full check's own result.
  const chain = can(user.role, 'audit:read') ? auditStatus(db) : null;
  const tables = CATEGORIES.map((category) => ({ category, rows: rows.filter((row) => row.category === category) })).filter(
    (table) => !filtered || table.rows.length > 0,
  );
  const { likelihood, control, impact } = settings.factors;

  return (
    <div className="govuk-width-container app-width-container--wide">
      <main className="govuk-main-wrapper" id="main-content">
        <ErrorSummary
          errors={Object.entries(errors).map(([key, text]) => ({
            href: `#filter-${key}`,
            text: `${FILTER_LABELS[key as keyof typeof FILTER_LABELS]}: ${text}`,
          }))}
        />
        {chain && !chain.ok ? (
          <div className="govuk-warning-text" data-testid="audit-warning">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The audit log failed verification{chain.brokenId === null ? '' : ` at entry ${chain.brokenId}`}: {chain.reason}.{' '}
              <Link className="govuk-link" href="/audit">
                Open the audit log
              </Link>
            </strong>
          </div>
        ) : null}
        {imported ? (
          <SuccessBanner id="imported-title">
            Import applied: {imported.added} added, {imported.updated} updated, {imported.unchanged} unchanged.
          </SuccessBanner>
        ) : null}
        <span className="govuk-caption-l">Police and Crime Commissioner</span>
        <h1 className="govuk-heading-l">Dynamic risk register{asAt ? ` as at ${formatDay(asAt)}` : ''}</h1>
        {asAt ? (
          <div className="govuk-inset-text" data-testid="as-at">
            The register as it stood on {formatDay(asAt)}, rebuilt from its history: the risks live that day, their scores, text, owners and the settings then
            in force.{' '}
            <Link className="govuk-link" href="/register">
              See today’s register
            </Link>
            .
          </div>
        ) : null}
        <form method="get" action="/register" className="app-filters" aria-label="See the register as at a date">
          <div className={`govuk-form-group${errors.asAt ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="filter-asAt">
              As at
            </label>
            <div id="filter-asAt-hint" className="govuk-hint">
              {DAY_TEXT_HINT}
            </div>
            {errors.asAt ? (
              <p id="filter-asAt-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.asAt}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-input--width-10${errors.asAt ? ' govuk-input--error' : ''}`}
              id="filter-asAt"
              name="asAt"
              defaultValue={asAt ?? (typeof asAtText === 'string' ? asAtText : '')}
              aria-describedby={errors.asAt ? 'filter-asAt-hint filter-asAt-error' : 'filter-asAt-hint'}
            />
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">
              Show the register on this date
            </button>
          </div>
        </form>
        <p className="govuk-body">
          {all.length} live risks: {inherent} inherent and {all.length - inherent} topical. Risk appetite is <strong>{settings.appetite}</strong>: a score at or
          above it is outside appetite. Inherent risks always remain on the register; topical risks with a score{' '}
          {describeRemovalRule({ comparator: settings.removalComparator, threshold: settings.removalThreshold })} are removed.
        </p>
        {s55.map((i) => (
          <div className="govuk-warning-text" key={i.id}>
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The PCC’s s.55 response to{' '}
              <Link className="govuk-link" href={`/inspections/${i.id}`}>
                {i.title}
              </Link>{' '}
              {i.s55Warning!.level === 'overdue' ? `was due on ${formatDay(i.s55Warning!.dueOn)}` : `is due on ${formatDay(i.s55Warning!.dueOn)}`}.
            </strong>
          </div>
        ))}
        {outside.length > 0 || overdue > 0 ? (
          <div className="govuk-notification-banner" role="region" aria-labelledby="register-banner-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="register-banner-title">
                Important
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              {outside.length > 0 ? (
                <p className="govuk-notification-banner__heading">
                  {outside.length} {outside.length === 1 ? 'risk is' : 'risks are'} at or above the risk appetite of {settings.appetite}: {outside.join(', ')}.
                </p>
              ) : null}
              {overdue > 0 ? (
                <p className="govuk-body">
                  {overdue} of {all.length} live risks are overdue for review (a risk is due a month after its last review).
                </p>
              ) : null}
            </div>
          </div>
        ) : null}

        {mayCreate ? (
          <div className="govuk-button-group">
            <Link href="/risks/new" className="govuk-button" role="button" draggable={false}>
              Add a risk
            </Link>
            <Link href="/reviews/monthly" className="govuk-button govuk-button--secondary" role="button" draggable={false}>
              Monthly review
            </Link>
            <Link href="/risks/owners" className="govuk-button govuk-button--secondary" role="button" draggable={false}>
              Assign owners
            </Link>
            <Link href="/register/import" className="govuk-button govuk-button--secondary" role="button" draggable={false}>
              Import a register
            </Link>
          </div>
        ) : null}
        <div className="govuk-inset-text">
          Score = {likelihood.name} (L) × {control.name} (C, {control.scale}) × {impact.name} (I), each from 1 to 4. Bands:{' '}
          {BANDS.map((band) => `${band.name} ${band.max === null ? `${band.min}+` : `${band.min}-${band.max}`}`).join(', ')}.
        </div>

        <form method="get" action="/register" className="app-filters" aria-label="Filter the register">
          {asAt ? <input type="hidden" name="asAt" value={asAt} /> : null}
          <Select
            id="filter-category"
            name="category"
            label="Category"
            defaultValue={filters.category}
            error={errors.category}
            options={[{ value: '', text: 'All categories' }, ...CATEGORIES.map((c) => ({ value: c, text: CATEGORY_LABEL[c] }))]}
          />
          <Select
            id="filter-band"
            name="band"
            label="Band"
            defaultValue={filters.band}
            error={errors.band}
            options={[{ value: '', text: 'All bands' }, ...BANDS.map((b) => ({ value: b.name, text: bandLabel(b.name) }))]}
          />
          <Select
            id="filter-impactArea"
            name="impactArea"
            label="Impact area"
            defaultValue={filters.impactArea}
            error={errors.impactArea}
            options={[{ value: '', text: 'All impact areas' }, ...IMPACT_AREAS.map((a) => ({ value: a, text: a }))]}
          />
          <Select
            id="filter-reviewStatus"
            name="reviewStatus"
            label="Review status"
            defaultValue={filters.reviewStatus}
            error={errors.reviewStatus}
            options={[
              { value: '', text: 'Any review status' },
              { value: 'overdue', text: 'Overdue' },
              { value: 'due-or-overdue', text: 'Due or overdue' },
            ]}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
            {filtered ? (
              <Link className="govuk-link" href={asAt ? `/register?asAt=${asAt}` : '/register'}>
                Clear filters
              </Link>
            ) : null}
          </div>
        </form>

        <p className="govuk-body" role="status">
          {filtered ? `Showing ${rows.length} of ${all.length} live risks.` : `Showing all ${all.length} live risks.`} Review status as at {formatDay(day)}.
        </p>

        {tables.map((table) => (
          <RegisterTable
            key={table.category}
            category={table.category}
            rows={registerTableRows(table.rows, overdueActions)}
            settings={{ factors: settings.factors }}
            asAt={asAt}
          />
        ))}
        {rows.length === 0 ? <p className="govuk-body">No live risks match these filters.</p> : null}
      </main>
    </div>
  );
}
