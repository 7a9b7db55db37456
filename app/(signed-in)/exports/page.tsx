import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { DateInput, Radios, TextInput } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { FORUM_LABEL, FORUMS } from '@/lib/domain/forums';
import { today } from '@/lib/today';
import { readDateInput } from '@/lib/validation/date-input';
import { evidencePackQuerySchema, reviewExportQuerySchema } from '@/lib/validation/exports';

export const metadata: Metadata = { title: 'Exports for audit' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Checked = { errors: Record<string, string>; href: string | null };

/** An optional date input: empty is fine, anything typed must be a real day. */
function optionalDay(values: Record<string, string>, name: string, label: string, errors: Record<string, string>): string | undefined {
  if (!values[`${name}-day`] && !values[`${name}-month`] && !values[`${name}-year`]) return undefined;
  const read = readDateInput(values, name, label, { notAfter: today() });
  if ('error' in read) {
    errors[name] = read.error;
    return undefined;
  }
  return read.day;
}

function checkReviews(values: Record<string, string>): Checked {
  const errors: Record<string, string> = {};
  const from = optionalDay(values, 'from', 'from date', errors);
  const to = optionalDay(values, 'to', 'to date', errors);
  if (from && to && from > to) errors.from = 'The from date must be on or before the to date';
  const risk = values.risk?.trim().toUpperCase() || undefined;
  const parsed = reviewExportQuerySchema.safeParse({ format: values.format || undefined, risk, forum: values.forum || undefined, from, to });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??=
        field === 'risk'
          ? 'Enter a risk ID such as I1 or T7, or leave it empty for every risk'
          : field === 'format'
            ? 'Choose CSV, Excel or JSON'
            : 'Choose a forum from the list';
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { errors, href: null };
  const query = new URLSearchParams(Object.entries(parsed.data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { errors, href: `/api/exports/reviews?${query}` };
}

function checkPack(values: Record<string, string>): Checked {
  const errors: Record<string, string> = {};
  const asAt = optionalDay(values, 'asAt', 'register as at date', errors);
  const from = optionalDay(values, 'auditFrom', 'start of the audit period', errors);
  const to = optionalDay(values, 'auditTo', 'end of the audit period', errors);
  const parsed = evidencePackQuerySchema.safeParse({ asAt, from, to });
  if (!parsed.success && !errors.auditFrom) errors.auditFrom = 'The start of the audit period must be on or before its end';
  if (Object.keys(errors).length || !parsed.success) return { errors, href: null };
  const query = new URLSearchParams(Object.entries(parsed.data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { errors, href: `/api/exports/evidence-pack${query.size ? `?${query}` : ''}` };
}

const dateValues = (values: Record<string, string>, name: string) => ({
  day: values[`${name}-day`] ?? '',
  month: values[`${name}-month`] ?? '',
  year: values[`${name}-year`] ?? '',
});
const errorList = (checked: Checked | null) => (checked ? Object.entries(checked.errors).map(([field, text]) => ({ href: `#${field}`, text })) : []);

export default async function ExportsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const reviews = can(user.role, 'export:review-history');
  const pack = can(user.role, 'export:evidence-pack');
  if (!reviews && !pack) forbidden();
  const raw = await searchParams;
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) ?? ''])) as Record<string, string>;
  const reviewCheck = reviews && values.export === 'reviews' ? checkReviews(values) : null;
  const packCheck = pack && values.export === 'evidence-pack' ? checkPack(values) : null;
  const errors = [...errorList(reviewCheck), ...errorList(packCheck)];

  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} />
            <h1 className="govuk-heading-l">Exports for audit</h1>
            <p className="govuk-body">Exports are read from the append-only history as it stands now. Nothing you choose here changes the register.</p>

            {reviews ? (
              <section aria-labelledby="reviews-heading">
                <h2 className="govuk-heading-m" id="reviews-heading">
                  Review history
                </h2>
                <p className="govuk-body">
                  One row per review: ref, category, the event at the time, reviewed on, forum, reviewer, L, C, I, score, band, direction, previous score,
                  reason, the appetite in force and when it was recorded.
                </p>
                {reviewCheck?.href ? (
                  <div className="govuk-inset-text" data-testid="reviews-ready">
                    Your export is ready:{' '}
                    <a className="govuk-link" href={reviewCheck.href}>
                      download the review history ({(values.format || 'csv').toUpperCase()})
                    </a>
                  </div>
                ) : null}
                <form method="get" action="/exports" noValidate>
                  <input type="hidden" name="export" value="reviews" />
                  <Radios
                    name="format"
                    legend="Format"
                    inline
                    options={[
                      { value: 'csv', text: 'CSV' },
                      { value: 'xlsx', text: 'Excel (XLSX)' },
                      { value: 'json', text: 'JSON' },
                    ]}
                    defaultValue={values.format || 'csv'}
                    errors={reviewCheck?.errors.format ? [reviewCheck.errors.format] : undefined}
                  />
                  <TextInput
                    id="risk"
                    label="Risk ID (optional)"
                    hint="For example I1 or T7. Leave empty for every risk."
                    width={10}
                    defaultValue={values.risk}
                    errors={reviewCheck?.errors.risk ? [reviewCheck.errors.risk] : undefined}
                  />
                  <Select
                    id="forum"
                    name="forum"
                    label="Forum (optional)"
                    options={[{ value: '', text: 'Every forum' }, ...FORUMS.map((f) => ({ value: f, text: FORUM_LABEL[f] }))]}
                    defaultValue={values.forum}
                    error={reviewCheck?.errors.forum}
                  />
                  <DateInput
                    name="from"
                    legend="Reviewed from (optional)"
                    hint="For example, 1 4 2018"
                    values={dateValues(values, 'from')}
                    errors={reviewCheck?.errors.from ? [reviewCheck.errors.from] : undefined}
                  />
                  <DateInput
                    name="to"
                    legend="Reviewed up to (optional)"
                    values={dateValues(values, 'to')}
                    errors={reviewCheck?.errors.to ? [reviewCheck.errors.to] : undefined}
                  />
                  <button type="submit" className="govuk-button">
                    Prepare the review history
                  </button>
                </form>
              </section>
            ) : null}

            {pack ? (
              <section aria-labelledby="pack-heading">
                <h2 className="govuk-heading-m" id="pack-heading">
                  Evidence pack
                </h2>
                <p className="govuk-body">
                  One ZIP file with the whole review history, the register as at a day, the audit log for a period with its hash chain, the covering report
                  published for that day, and a manifest of each file’s SHA-256 (check it with <code>sha256sum -c SHA256SUMS</code>).
                </p>
                {packCheck?.href ? (
                  <div className="govuk-inset-text" data-testid="pack-ready">
                    Your evidence pack is ready:{' '}
                    <a className="govuk-link" href={packCheck.href}>
                      download the evidence pack (ZIP)
                    </a>
                  </div>
                ) : null}
                <form method="get" action="/exports" noValidate>
                  <input type="hidden" name="export" value="evidence-pack" />
                  <DateInput
                    name="asAt"
                    legend="Register as at (optional)"
                    hint="Leave empty for today"
                    values={dateValues(values, 'asAt')}
                    errors={packCheck?.errors.asAt ? [packCheck.errors.asAt] : undefined}
                  />
                  <DateInput
                    name="auditFrom"
                    legend="Audit log from (optional)"
                    hint="Leave empty to start at the first entry"
                    values={dateValues(values, 'auditFrom')}
                    errors={packCheck?.errors.auditFrom ? [packCheck.errors.auditFrom] : undefined}
                  />
                  <DateInput
                    name="auditTo"
                    legend="Audit log up to (optional)"
                    hint="Leave empty for today"
                    values={dateValues(values, 'auditTo')}
                    errors={packCheck?.errors.auditTo ? [packCheck.errors.auditTo] : undefined}
                  />
                  <button type="submit" className="govuk-button">
                    Prepare the evidence pack
                  </button>
                </form>
              </section>
            ) : null}
          </div>
        </div>
      </main>
    </div>
  );
}
