import type { Metadata } from 'next';
import { Select } from '@/components/govuk/select';
import { getDb } from '@/db/client';
import { auditVocabulary, listAuditEntries, verifyAuditLog } from '@/db/queries/audit';
import { requirePermission } from '@/lib/auth/guard';
import { parseDay } from '@/lib/domain/dates';
import { Cell, Row, Table } from '@/components/govuk/table';

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

/** Every change: who, when, what; append-only and hash-chained. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('audit:read');
  const q = await searchParams;
  const one = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
  const db = getDb();
  const vocabulary = auditVocabulary(db);
  const filters = {
    entityType: vocabulary.entityTypes.includes(one('entityType')) ? one('entityType') : undefined,
    action: vocabulary.actions.includes(one('action')) ? one('action') : undefined,
    actor: one('actor').slice(0, 100) || undefined,
    from: parseDay(one('from')) ? one('from') : undefined,
    to: parseDay(one('to')) ? one('to') : undefined,
  };
  const entries = listAuditEntries(db, filters);
  const chain = verifyAuditLog(db, { rows: true });
  return (
    <div className="govuk-width-container app-width-container--wide">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Audit log</h1>
        <p className="govuk-body" data-testid="chain-status">
          {chain.ok
            ? `Every change is recorded here, in the same transaction as the change. The log is append-only and each entry is sealed with a keyed hash chained to the one before: ${chain.entries} entries verified intact, and all ${chain.rows?.checked ?? 0} recorded rows of the register’s history still match them.`
            : `Warning: the audit log failed verification${chain.brokenId === null ? '' : ` at entry ${chain.brokenId}`}: ${chain.reason}. Do not rely on this log until it has been investigated.`}
        </p>
        <form method="get" action="/audit" className="app-filters" aria-label="Filter the audit log">
          <Select
            id="entityType"
            name="entityType"
            label="Record type"
            defaultValue={filters.entityType ?? ''}
            options={[{ value: '', text: 'Any' }, ...vocabulary.entityTypes.map((t) => ({ value: t, text: t }))]}
          />
          <Select
            id="action"
            name="action"
            label="Change"
            defaultValue={filters.action ?? ''}
            options={[{ value: '', text: 'Any' }, ...vocabulary.actions.map((t) => ({ value: t, text: t }))]}
          />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="actor">
              Who
            </label>
            <input className="govuk-input govuk-input--width-10" id="actor" name="actor" defaultValue={filters.actor ?? ''} />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="from">
              From (YYYY-MM-DD)
            </label>
            <input className="govuk-input govuk-input--width-10" id="from" name="from" defaultValue={filters.from ?? ''} />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="to">
              To (YYYY-MM-DD)
            </label>
            <input className="govuk-input govuk-input--width-10" id="to" name="to" defaultValue={filters.to ?? ''} />
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </div>
        </form>
        <Table
          className="app-register-table"
          caption={<>{entries.length === 200 ? 'The latest 200 matching entries' : `${entries.length} entries`}</>}
          captionSize="m"
          columns={[{ header: 'When' }, { header: 'Who' }, { header: 'Change' }, { header: 'Record' }, { header: 'What' }]}
        >
          {entries.map((e) => (
            <Row key={e.id} data-audit-id={e.id}>
              <Cell className="app-nowrap">{formatTime(e.at)}</Cell>
              <Cell>{e.actorLabel}</Cell>
              <Cell>{e.action}</Cell>
              <Cell>
                {e.entityType}
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
      </main>
    </div>
  );
}
