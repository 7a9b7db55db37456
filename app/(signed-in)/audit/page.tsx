import { DAY_TEXT_HINT } from '@/lib/domain/dates';
import type { Metadata } from 'next';
import { z } from 'zod';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { TextInput } from '@/components/govuk/form-fields';
import { Pagination } from '@/components/govuk/pagination';
import { Select } from '@/components/govuk/select';
import { Cell, Row, Table } from '@/components/govuk/table';
import { getDb } from '@/db/client';
import { AUDIT_PAGE_SIZE, auditStatus, auditVocabulary, listAuditEntries, type AuditFilters } from '@/db/queries/audit';
import { requirePermission } from '@/lib/auth/guard';
import { actionLabel, recordLabel } from '@/lib/domain/audit-labels';
import { auditFilterSchema, queryValues } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/London',
  });
}

/** Every change: who, when, what; append-only, keyed and chained; filtered, paged and downloadable. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('audit:read');
  const typed = queryValues(await searchParams);
  const db = getDb();
  const vocabulary = auditVocabulary(db);
  const parsed = auditFilterSchema.safeParse(typed);
  const fieldErrors: Record<string, string[] | undefined> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  if (parsed.success) {
    if (parsed.data.entityType && !vocabulary.entityTypes.includes(parsed.data.entityType)) fieldErrors.entityType = ['Select a record type from the list'];
    if (parsed.data.action && !vocabulary.actions.includes(parsed.data.action)) fieldErrors.action = ['Select a change from the list'];
  }
  const invalid = Object.keys(fieldErrors).length > 0;
  const filters: AuditFilters = parsed.success && !invalid ? parsed.data : {};
  const { entries, total, pages, page } = invalid ? { entries: [], total: 0, pages: 1, page: 1 } : listAuditEntries(db, filters, parsed.data?.page ?? 1);
  const chain = auditStatus(db);
  const full = chain.lastFull;
  const query = (extra: Record<string, string>) =>
    new URLSearchParams(Object.entries({ ...filters, ...extra }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
  const { page: _page, ...filterValues } = typed;
  const csvQuery = new URLSearchParams(Object.entries(filterValues).filter(([, v]) => v)).toString();
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  return (
    <div className="govuk-width-container app-width-container--wide">
      <main className="govuk-main-wrapper" id="main-content">
        <ErrorSummary errors={Object.entries(fieldErrors).map(([field, messages]) => ({ href: `#${field}`, text: messages?.[0] ?? '' }))} />
        <h1 className="govuk-heading-l">Audit log</h1>
        <p className="govuk-body" data-testid="chain-status">
          {chain.ok
            ? `Every change is recorded here, in the same transaction as the change. The log is append-only and each entry is sealed with a keyed hash chained to the one before: ${chain.entriesSince === 1 ? 'the 1 entry since the last full check is' : `the ${chain.entriesSince.toLocaleString('en-GB')} entries since the last full check are`} chained intact.`
            : `Warning: the audit log failed verification${chain.brokenId === null ? '' : ` at entry ${chain.brokenId}`}: ${chain.reason}. Do not rely on this log until it has been investigated.`}
        </p>
        <p className="govuk-body" data-testid="full-check">
          {full
            ? `Last full check: ${formatTime(full.at)}, by ${full.by}: ${full.ok ? `passed, ${full.entries.toLocaleString('en-GB')} entries chained and all ${full.rows.toLocaleString('en-GB')} recorded rows matched` : `failed: ${full.reason}`}.`
            : 'No full check of every entry and recorded row has been recorded yet.'}{' '}
          The service runs one daily; an operator runs one at any time with <code>npm run audit:verify</code>.
        </p>
        <form method="get" action="/audit" className="app-filters" aria-label="Filter the audit log" noValidate>
          <Select
            id="entityType"
            name="entityType"
            label="Record type"
            defaultValue={typed.entityType ?? ''}
            error={fieldErrors.entityType?.[0]}
            options={[{ value: '', text: 'Any' }, ...vocabulary.entityTypes.map((t) => ({ value: t, text: recordLabel(t) }))]}
          />
          <Select
            id="action"
            name="action"
            label="Change"
            defaultValue={typed.action ?? ''}
            error={fieldErrors.action?.[0]}
            options={[{ value: '', text: 'Any' }, ...vocabulary.actions.map((t) => ({ value: t, text: actionLabel(t) }))]}
          />
          <TextInput id="actor" label="Who" width={10} defaultValue={typed.actor ?? ''} errors={fieldErrors.actor} />
          <TextInput id="from" label="From" hint={DAY_TEXT_HINT} width={10} defaultValue={typed.from ?? ''} errors={fieldErrors.from} />
          <TextInput id="to" label="To" hint={DAY_TEXT_HINT} width={10} defaultValue={typed.to ?? ''} errors={fieldErrors.to} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </div>
        </form>
        {invalid ? (
          <p className="govuk-body">Correct the filters above to see the entries.</p>
        ) : (
          <>
            <p className="govuk-body">
              <a className="govuk-link" href={`/api/audit/csv${csvQuery ? `?${csvQuery}` : ''}`} data-testid="audit-csv">
                Download {total === 1 ? 'this entry' : `these ${total.toLocaleString('en-GB')} entries`} as CSV
              </a>
            </p>
            <Table
              className="app-register-table"
              caption={
                total === 0
                  ? 'No entries match these filters'
                  : `Entries ${first.toLocaleString('en-GB')} to ${(first + entries.length - 1).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}, newest first`
              }
              captionSize="m"
              columns={[{ header: 'When' }, { header: 'Who' }, { header: 'Change' }, { header: 'Record' }, { header: 'What' }]}
            >
              {entries.map((e) => (
                <Row key={e.id} data-audit-id={e.id}>
                  <Cell className="app-nowrap">{formatTime(e.at)}</Cell>
                  <Cell>{e.actorLabel}</Cell>
                  <Cell data-col="change">{actionLabel(e.action)}</Cell>
                  <Cell>
                    {recordLabel(e.entityType)}
                    {e.entityId ? ` ${e.entityId}` : ''}
                  </Cell>
                  <Cell>
                    {e.summary}
                    {e.detail && typeof e.detail === 'object' && 'before' in (e.detail as object) ? (
                      <details className="govuk-details govuk-!-margin-bottom-0">
                        <summary className="govuk-details__summary">
                          <span className="govuk-details__summary-text">Old and new values</span>
                        </summary>
                        <div className="govuk-details__text">
                          <pre className="govuk-body-s">{JSON.stringify(e.detail, null, 1)}</pre>
                        </div>
                      </details>
                    ) : null}
                  </Cell>
                </Row>
              ))}
            </Table>
            <Pagination current={page} pages={pages} label="Pages of the audit log" href={(n) => `/audit?${query({ page: String(n) })}`} />
          </>
        )}
      </main>
    </div>
  );
}
