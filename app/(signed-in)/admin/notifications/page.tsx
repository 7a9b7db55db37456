import { DAY_TEXT_HINT } from '@/lib/domain/dates';
import type { Metadata } from 'next';
import { z } from 'zod';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { TextInput } from '@/components/govuk/form-fields';
import { Select } from '@/components/govuk/select';
import { Cell, Row, Table } from '@/components/govuk/table';
import { Tag, type TagColour } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { listNotifications } from '@/db/queries/reminders';
import { requirePermission } from '@/lib/auth/guard';
import { formatDay } from '@/lib/domain/dates';
import { queryValues } from '@/lib/validation/audit';
import { NOTIFICATION_STATUS_LABEL, NOTIFICATION_STATUSES, notificationFilterSchema } from '@/lib/validation/notifications';

export const metadata: Metadata = { title: 'Reminders sent' };

const STATUS_COLOUR: Record<(typeof NOTIFICATION_STATUSES)[number], TagColour> = {
  queued: 'blue',
  sending: 'yellow',
  sent: 'green',
  failed: 'red',
  'not-sent': 'grey',
  replaced: 'grey',
};

/** The send log for administrators and auditors: every reminder digest, to whom, what it carried, and what became of it. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit:read');
  const typed = queryValues(await searchParams);
  const parsed = notificationFilterSchema.safeParse(typed);
  const fieldErrors: Record<string, string[] | undefined> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const rows = parsed.success ? listNotifications(getDb(), parsed.data) : [];
  const csvQuery = new URLSearchParams(Object.entries(typed).filter(([, v]) => v)).toString();
  return (
    <div className="govuk-width-container app-width-container--wide">
      <main className="govuk-main-wrapper" id="main-content">
        <ErrorSummary errors={Object.entries(fieldErrors).map(([field, messages]) => ({ href: `#${field}`, text: messages?.[0] ?? '' }))} />
        <h1 className="govuk-heading-l">Reminders sent</h1>
        <p className="govuk-body">
          Each person gets at most one reminder email a day, listing what is due or overdue for them. A reminder for the same item and occasion is never sent
          twice. Where no mail server is configured, each email is still composed and kept here, marked “Not sent”.
        </p>
        <form method="get" action="/admin/notifications" className="app-filters" aria-label="Filter the reminders sent" noValidate>
          <Select
            id="status"
            name="status"
            label="Status"
            defaultValue={typed.status ?? ''}
            error={fieldErrors.status?.[0]}
            options={[{ value: '', text: 'Any' }, ...NOTIFICATION_STATUSES.map((s) => ({ value: s, text: NOTIFICATION_STATUS_LABEL[s] }))]}
          />
          <TextInput id="from" label="From" hint={DAY_TEXT_HINT} width={10} defaultValue={typed.from ?? ''} errors={fieldErrors.from} />
          <TextInput id="to" label="To" hint={DAY_TEXT_HINT} width={10} defaultValue={typed.to ?? ''} errors={fieldErrors.to} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </div>
        </form>
        {parsed.success ? (
          <>
            <p className="govuk-body">
              <a className="govuk-link" href={`/api/notifications/csv${csvQuery ? `?${csvQuery}` : ''}`}>
                Download the reminders as CSV
              </a>
            </p>
            <Table
              className="app-register-table"
              caption={rows.length ? `${rows.length} ${rows.length === 1 ? 'email' : 'emails'}, newest first` : 'No reminders match these filters'}
              captionSize="m"
              columns={[
                { header: 'Day' },
                { header: 'To' },
                { header: 'Subject' },
                { header: 'Reminders' },
                { header: 'Status' },
                { header: 'Attempts' },
                { header: 'Server’s reply' },
              ]}
            >
              {rows.map((n) => (
                <Row key={n.id} data-notification-id={n.id}>
                  <Cell className="app-nowrap">{formatDay(n.day)}</Cell>
                  <Cell>
                    {n.name}
                    <br />
                    <span className="app-break-anywhere">{n.email}</span>
                  </Cell>
                  <Cell>{n.subject}</Cell>
                  <Cell>
                    <ul className="govuk-list app-register-table__list">
                      {n.items.map((i) => (
                        <li key={i.id}>
                          {i.ref}: {i.title.length > 60 ? `${i.title.slice(0, 59)}…` : i.title}
                        </li>
                      ))}
                    </ul>
                  </Cell>
                  <Cell data-col="status">
                    <Tag colour={STATUS_COLOUR[n.status]}>{NOTIFICATION_STATUS_LABEL[n.status]}</Tag>
                  </Cell>
                  <Cell numeric>{n.attempts}</Cell>
                  <Cell className="app-break-anywhere">{n.messageId ?? n.error ?? ''}</Cell>
                </Row>
              ))}
            </Table>
          </>
        ) : (
          <p className="govuk-body">Correct the filters above to see the reminders.</p>
        )}
      </main>
    </div>
  );
}
