/**
 * The dynamic risk register: the page every role opens first and board members keep open. It is a Pages
 * Router page served without JavaScript (`unstable_runtimeJS: false`): a table, links and two GET forms
 * need none, and it is the one page under the issue's 120 kB first-load budget, which the App Router's
 * own runtime (about 130 kB gzip for an empty page) cannot meet. See the README's architecture section.
 * Signed-in checks are the App Router pages' own: the session is read from its cookie and checked
 * against the database (pagesRequestAccess in lib/auth/session-user.ts), the permission on the server.
 */
import type { GetServerSideProps, PageConfig } from 'next';
import Head from 'next/head';
import Link from 'next/link';
import Forbidden from '@/app/forbidden';
import { AccountBar } from '@/components/account-bar';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { Select } from '@/components/govuk/select';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { PageChrome } from '@/components/page-chrome';
import { RegisterTable, registerRowsHtml } from '@/components/register-table';
import { getDb } from '@/db/client';
import { listInspections, risksWithOverdueActions } from '@/db/queries/inspections';
import { cachedRead } from '@/db/queries/read-cache';
import { filterRegister, getLiveRegister, getRegisterAsAt, type RegisterFilters } from '@/db/queries/risks';
import { can } from '@/lib/auth/permissions';
import { pagesRequestAccess, type SessionUser } from '@/lib/auth/session-user';
import { CATEGORIES, CATEGORY_LABEL, describeRemovalRule, type Category } from '@/lib/domain/categories';
import { formatDay } from '@/lib/domain/dates';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import type { S55Warning } from '@/lib/domain/inspections';
import { BANDS, bandLabel } from '@/lib/domain/scoring';
import type { RegisterSettings } from '@/lib/domain/settings';
import { navItemsFor } from '@/lib/navigation';
import { today } from '@/lib/today';
import { one, parseAsAt, parseImported, parseRegisterFilters } from '@/lib/validation/register-filters';

/** No client runtime: the page is complete as HTML (see above). */
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

const FILTER_LABELS = { category: 'Category', band: 'Band', impactArea: 'Impact area', reviewStatus: 'Review status', asAt: 'As at' } as const;

type Register = {
  query: { asAt: string; imported: ReturnType<typeof parseImported> };
  filters: RegisterFilters;
  errors: Partial<Record<keyof typeof FILTER_LABELS, string>>;
  asAt: string | null;
  day: string;
  settings: RegisterSettings;
  total: number;
  inherent: number;
  shown: number;
  outside: string[];
  overdue: number;
  s55: Array<{ id: number; title: string; warning: NonNullable<S55Warning> }>;
  mayCreate: boolean;
  tables: Array<{ category: Category; count: number; rowsHtml: string }>;
};

type Props = { user: Pick<SessionUser, 'name' | 'role'> } & ({ register: Register } | { forbidden: true });

/** The register as the page shows it, from the database and the query string (every part checked). */
function readRegister(user: Pick<SessionUser, 'role'>, query: Record<string, string | string[] | undefined>): Register {
  const { filters, errors: filterErrors } = parseRegisterFilters(query);
  const errors: Register['errors'] = { ...filterErrors };
  const now = today();
  const { asAt, error: asAtError } = parseAsAt(query.asAt, now);
  if (asAtError) errors.asAt = asAtError;
  const day = asAt ?? now;
  const db = getDb();
  const at = asAt ? `as-at:${asAt}` : `live:${day}`;
  const { settings, all } = cachedRead(db, `register:${at}`, () => (asAt ? getRegisterAsAt(db, asAt) : getLiveRegister(db, day)));
  const rows = filterRegister(all, filters);
  const overdueActions = asAt ? new Set<number>() : cachedRead(db, `overdue-actions:${day}`, () => risksWithOverdueActions(db, day));
  const s55 = !asAt && can(user.role, 'inspection:read') ? cachedRead(db, `s55:${day}`, () => listInspections(db, day).filter((i) => i.s55Warning)) : [];
  const filtered = Object.keys(filters).length > 0;
  const asAtText = one(query.asAt);
  return {
    query: { asAt: typeof asAtText === 'string' ? asAtText : '', imported: parseImported(query.imported) },
    filters,
    errors,
    asAt: asAt ?? null,
    day,
    settings,
    total: all.length,
    inherent: all.filter((row) => row.category === 'inherent').length,
    shown: rows.length,
    outside: all.filter((row) => row.atOrAboveAppetite).map((row) => row.ref),
    overdue: all.filter((row) => row.due.status === 'overdue').length,
    s55: s55.map((i) => ({ id: i.id, title: i.title, warning: i.s55Warning! })),
    mayCreate: can(user.role, 'risk:create') && !asAt,
    tables: CATEGORIES.flatMap((category) => {
      const group = rows.filter((row) => row.category === category);
      if (filtered && group.length === 0) return [];
      // The rows' HTML only changes with the data, so it is kept with the cached register until the next change.
      const rowsHtml = cachedRead(db, `register-rows:${at}:${category}:${JSON.stringify(filters)}`, () => registerRowsHtml(group, overdueActions, asAt));
      return [{ category, count: group.length, rowsHtml }];
    }),
  };
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, query, resolvedUrl }) => {
  const access = await pagesRequestAccess(req.cookies, 'register:read');
  if (access.decision === 'unauthenticated') return { redirect: { destination: `/sign-in?callbackUrl=${encodeURIComponent(resolvedUrl)}`, permanent: false } };
  const user = { name: access.user.name, role: access.user.role };
  if (access.decision === 'forbidden') {
    res.statusCode = 403;
    return { props: { user, forbidden: true } };
  }
  return { props: { user, register: readRegister(user, query) } };
};

export default function RegisterPage(props: Props) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{'forbidden' in props ? 'Risk register – OPCC' : 'Dynamic risk register – Risk register – OPCC'}</title>
      </Head>
      <PageChrome items={navItemsFor(props.user.role)}>
        <AccountBar user={props.user} />
        {'forbidden' in props ? <Forbidden /> : <RegisterView register={props.register} />}
      </PageChrome>
    </>
  );
}

function RegisterView({ register }: { register: Register }) {
  const { query, filters, errors, asAt, day, settings, total, inherent, shown, outside, overdue, s55, mayCreate, tables } = register;
  const filtered = Object.keys(filters).length > 0;
  const { likelihood, control, impact } = settings.factors;
  return (
    <div className="govuk-width-container app-width-container--wide">
      <main className="govuk-main-wrapper" id="main-content">
        <ErrorSummary
          errors={Object.entries(errors).map(([key, text]) => ({ href: `#filter-${key}`, text: `${FILTER_LABELS[key as keyof typeof FILTER_LABELS]}: ${text}` }))}
        />
        {query.imported ? (
          <SuccessBanner id="imported-title">Import applied: {query.imported.added} added, {query.imported.updated} updated, {query.imported.unchanged} unchanged.</SuccessBanner>
        ) : null}
        <span className="govuk-caption-l">Police and Crime Commissioner</span>
        <h1 className="govuk-heading-l">Dynamic risk register{asAt ? ` as at ${formatDay(asAt)}` : ''}</h1>
        {asAt ? (
          <div className="govuk-inset-text" data-testid="as-at">
            The register as it stood on {formatDay(asAt)}, rebuilt from its history: the risks live that day, their scores, text, owners and the settings
            then in force. <Link className="govuk-link" href="/register">See today’s register</Link>.
          </div>
        ) : null}
        <form method="get" action="/register" className="app-filters" aria-label="See the register as at a date">
          <div className={`govuk-form-group${errors.asAt ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="filter-asAt">
              As at (YYYY-MM-DD)
            </label>
            {errors.asAt ? (
              <p id="filter-asAt-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.asAt}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-input--width-10${errors.asAt ? ' govuk-input--error' : ''}`}
              id="filter-asAt"
              name="asAt"
              defaultValue={asAt ?? query.asAt}
              aria-describedby={errors.asAt ? 'filter-asAt-error' : undefined}
            />
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Show the register on this date
            </button>
          </div>
        </form>
        <p className="govuk-body">
          {total} live risks: {inherent} inherent and {total - inherent} topical. Risk appetite is{' '}
          <strong>{settings.appetite}</strong>: a score at or above it is outside appetite. Inherent risks always remain on the register; topical
          risks with a score {describeRemovalRule({ comparator: settings.removalComparator, threshold: settings.removalThreshold })} are removed.
        </p>
        {s55.map((i) => (
          <div className="govuk-warning-text" key={i.id}>
            <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The PCC’s s.55 response to <Link className="govuk-link" href={`/inspections/${i.id}`}>{i.title}</Link>{' '}
              {i.warning.level === 'overdue' ? `was due on ${formatDay(i.warning.dueOn)}` : `is due on ${formatDay(i.warning.dueOn)}`}.
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
                  {outside.length} {outside.length === 1 ? 'risk is' : 'risks are'} at or above the risk appetite of {settings.appetite}:{' '}
                  {outside.join(', ')}.
                </p>
              ) : null}
              {overdue > 0 ? (
                <p className="govuk-body">
                  {overdue} of {total} live risks are overdue for review (a risk is due a month after its last review).
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
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
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
          {filtered ? `Showing ${shown} of ${total} live risks.` : `Showing all ${total} live risks.`} Review status as at{' '}
          {formatDay(day)}.
        </p>

        {tables.map((table) => (
          <RegisterTable key={table.category} category={table.category} count={table.count} settings={settings} rowsHtml={table.rowsHtml} />
        ))}
        {shown === 0 ? <p className="govuk-body">No live risks match these filters.</p> : null}
      </main>
    </div>
  );
}
