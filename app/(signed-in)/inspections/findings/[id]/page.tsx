import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ActionsTable } from '@/components/actions-table';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { getFinding, listFindingChoices } from '@/db/queries/inspections';
import { getLiveRegister } from '@/db/queries/risks';
import { listPeople } from '@/db/queries/users';
import { ownsItem } from '@/lib/auth/ownership';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatDay, OFFICE_TIME_ZONE } from '@/lib/domain/dates';
import { FINDING_KIND_LABEL, FINDING_STATUS_LABEL } from '@/lib/domain/inspections';
import { today } from '@/lib/today';
import { FindingForm, FindingNoteForm, LinkRiskForm, UnlinkRiskForm } from '../../inspection-forms';

export const metadata: Metadata = { title: 'Finding' };

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  const db = getDb();
  const day = today();
  const finding = Number.isInteger(id) && id > 0 ? getFinding(db, id, day) : null;
  const owns = ownsItem(user, finding?.opccOwnerId);
  if (!can(user.role, 'inspection:read') && !(can(user.role, 'finding:update-own') && owns)) forbidden();
  if (!finding) notFound();
  const staff = can(user.role, 'inspection:record');
  return (
    <div className="govuk-width-container">
      <Link href={`/inspections/${finding.inspection.id}`} className="govuk-back-link">
        Back to the report
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <span className="govuk-caption-l">
          {FINDING_KIND_LABEL[finding.kind]} · {finding.inspection.title}
        </span>
        <h1 className="govuk-heading-l">{finding.reference}</h1>
        <p className="govuk-body-l">{finding.text}</p>
        {finding.subItems.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {finding.subItems.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : null}
        <dl className="govuk-summary-list">
          {[
            ['Component', `${finding.component ?? 'Not assigned'}${finding.grade ? ` (${finding.grade})` : ''}`],
            [
              'Status',
              <Tag key="s" colour={finding.status === 'closed' ? 'green' : 'blue'}>
                {FINDING_STATUS_LABEL[finding.status]}
              </Tag>,
            ],
            ['OPCC owner', finding.owner ?? 'Unassigned'],
            ['Force lead', finding.forceLead ?? 'Not recorded'],
            ['Deadline', finding.deadline ? `${formatDay(finding.deadline)} (within ${finding.withinMonths} months of publication)` : 'None given'],
            [
              'Re-issues',
              finding.predecessor ? (
                <Link key="p" className="govuk-link" href={`/inspections/findings/${finding.predecessor.id}`}>
                  {finding.predecessor.reference} (sustained area for improvement)
                </Link>
              ) : (
                'No earlier finding'
              ),
            ],
            ['Re-issued as', finding.successors.length ? finding.successors.map((s) => s.reference).join(', ') : 'Not re-issued'],
            ['Risks it bears on', finding.risks.length ? finding.risks.map((r) => `${r.ref}: ${r.event}`).join('; ') : 'None linked'],
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={String(key)}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>

        {staff ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <h2 className="govuk-heading-m">Owner and status</h2>
              <FindingForm
                id={finding.id}
                version={finding.version}
                status={finding.status}
                opccOwnerId={finding.opccOwnerId}
                forceLead={finding.forceLead}
                predecessorId={finding.predecessorId}
                people={listPeople(db).map((p) => ({ value: String(p.id), text: p.name }))}
                findings={listFindingChoices(db)
                  .filter((f) => f.id !== finding.id)
                  .map((f) => ({ value: String(f.id), text: `${f.reference}: ${f.text.slice(0, 60)}…` }))}
              />
            </div>
            <div className="govuk-grid-column-one-half">
              <h2 className="govuk-heading-m">Linked risks</h2>
              {finding.risks.map((r) => (
                <UnlinkRiskForm key={r.ref} id={finding.id} riskRef={r.ref} />
              ))}
              <LinkRiskForm id={finding.id} risks={getLiveRegister(db, day).all.map((r) => ({ value: r.ref, text: `${r.ref}: ${r.event.slice(0, 70)}` }))} />
              {finding.linkHistory.length ? (
                <>
                  <h3 className="govuk-heading-s">Link history</h3>
                  <ul className="govuk-list govuk-body-s">
                    {finding.linkHistory.map((l, i) => (
                      <li key={i}>
                        {l.ref}: linked{' '}
                        {new Date(l.linkedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: OFFICE_TIME_ZONE })}
                        {l.unlinkedAt
                          ? `, unlinked ${new Date(l.unlinkedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: OFFICE_TIME_ZONE })}`
                          : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          </div>
        ) : null}

        <h2 className="govuk-heading-m">Progress notes</h2>
        {staff || owns ? <FindingNoteForm id={finding.id} /> : null}
        {finding.notes.length ? (
          <ul className="govuk-list" data-testid="finding-notes">
            {finding.notes.map((n) => (
              <li key={n.id}>
                <strong>
                  {new Date(n.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: OFFICE_TIME_ZONE })},{' '}
                  {n.authorName}:
                </strong>{' '}
                {n.note}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">No notes yet.</p>
        )}

        {can(user.role, 'action:record') ? (
          <Link href={`/actions/new?finding=${finding.id}`} className="govuk-button govuk-button--secondary" role="button" draggable={false}>
            Add an action
          </Link>
        ) : null}
        {finding.actions.length ? (
          <ActionsTable rows={finding.actions} caption="Actions answering this finding" />
        ) : (
          <p className="govuk-body">No actions yet.</p>
        )}
      </main>
    </div>
  );
}
