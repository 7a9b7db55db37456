import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Tag } from '@/components/govuk/tag';
import { getDb } from '@/db/client';
import { getInspection } from '@/db/queries/inspections';
import { requirePermission } from '@/lib/auth/guard';
import { userCan } from '@/lib/auth/session';
import { formatDay } from '@/lib/domain/dates';
import { FINDING_KIND_LABEL, FINDING_STATUS_LABEL, S55_STATUS_LABEL } from '@/lib/domain/inspections';
import { today } from '@/lib/today';
import { dateInputValues } from '@/lib/validation/date-input';
import { S55Form } from '../inspection-forms';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

export const metadata: Metadata = { title: 'Inspection' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InspectionPage({ params, searchParams }: Props) {
  const user = await requirePermission('inspection:read');
  const id = Number((await params).id);
  const day = today();
  const inspection = Number.isInteger(id) && id > 0 ? getInspection(getDb(), id, day) : null;
  if (!inspection) notFound();
  const query = await searchParams;
  const components = [...new Set(inspection.findings.map((f) => f.component ?? 'Not assigned to a component'))];
  const published = inspection.s55PublishedOn ? dateInputValues('d', inspection.s55PublishedOn) : null;
  return (
    <div className="govuk-width-container">
      <Link href="/inspections" className="govuk-back-link">
        Back to inspections
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        {query.imported ? <SuccessBanner id="imported-title">Report imported with {inspection.findings.length} findings.</SuccessBanner> : null}
        {inspection.s55Warning ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {inspection.s55Warning.level === 'overdue'
                ? `The PCC’s s.55 response was due on ${formatDay(inspection.s55Warning.dueOn)}: ${inspection.s55Warning.days} days overdue.`
                : `The PCC’s s.55 response is due on ${formatDay(inspection.s55Warning.dueOn)}, in ${inspection.s55Warning.days} days.`}
            </strong>
          </div>
        ) : null}
        <span className="govuk-caption-l">
          {inspection.inspectorate} · {inspection.type} · {inspection.year}
        </span>
        <h1 className="govuk-heading-l">{inspection.title}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Force</dt>
            <dd className="govuk-summary-list__value">{inspection.force}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Published</dt>
            <dd className="govuk-summary-list__value">{formatDay(inspection.publishedOn)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">s.55 response</dt>
            <dd className="govuk-summary-list__value">
              {S55_STATUS_LABEL[inspection.s55Status]}
              {inspection.s55Status === 'published' ? ` on ${formatDay(inspection.s55PublishedOn)}` : `; due ${formatDay(inspection.s55DueOn)}`}
              {inspection.s55Link ? (
                <>
                  {' '}
                  (
                  <a className="govuk-link" href={inspection.s55Link}>
                    published response
                  </a>
                  )
                </>
              ) : null}
            </dd>
          </div>
        </dl>
        {userCan(user, 'inspection:record') ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Update the s.55 response</span>
            </summary>
            <div className="govuk-details__text">
              <S55Form
                id={inspection.id}
                version={inspection.version}
                status={inspection.s55Status}
                link={inspection.s55Link}
                publishedOn={
                  published ? { day: published['d-day']!, month: published['d-month']!, year: published['d-year']! } : { day: '', month: '', year: '' }
                }
              />
            </div>
          </details>
        ) : null}

        <Table caption="Judgments" captionSize="m" columns={[{ header: 'Pillar' }, { header: 'Component' }, { header: 'Grade' }, { header: 'Last inspected' }]}>
          {inspection.judgments.map((j) => (
            <Row key={j.id}>
              <Cell>{j.pillar ?? ''}</Cell>
              <RowHeader>{j.component}</RowHeader>
              <Cell>
                <Tag
                  colour={
                    j.grade === 'Outstanding' || j.grade === 'Good'
                      ? 'green'
                      : j.grade === 'Requires improvement'
                        ? 'yellow'
                        : j.grade === 'Inadequate'
                          ? 'red'
                          : 'grey'
                  }
                >
                  {j.grade}
                </Tag>
              </Cell>
              <Cell>{j.lastInspected ?? ''}</Cell>
            </Row>
          ))}
        </Table>

        <h2 className="govuk-heading-l">Findings</h2>
        {inspection.findings.length === 0 ? <p className="govuk-body">This report has no findings.</p> : null}
        {components.map((component) => (
          <section key={component} aria-label={component}>
            <h3 className="govuk-heading-m">{component}</h3>
            <ul className="govuk-list">
              {inspection.findings
                .filter((f) => (f.component ?? 'Not assigned to a component') === component)
                .map((f) => (
                  <li key={f.id} className="govuk-!-margin-bottom-4" data-reference={f.reference}>
                    <Link className="govuk-link govuk-!-font-weight-bold" href={`/inspections/findings/${f.id}`}>
                      {f.reference}
                    </Link>{' '}
                    <Tag colour="grey">{FINDING_KIND_LABEL[f.kind]}</Tag>{' '}
                    <Tag colour={f.status === 'closed' ? 'green' : 'blue'}>{FINDING_STATUS_LABEL[f.status]}</Tag>
                    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-1">{f.text}</p>
                    {f.subItems.length ? (
                      <ul className="govuk-list govuk-list--bullet">
                        {f.subItems.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                    ) : null}
                    <p className="govuk-body-s">
                      OPCC owner: {f.owner ?? 'unassigned'}
                      {f.deadline ? ` · deadline ${formatDay(f.deadline)}` : ''}
                      {f.risks.length ? ` · bears on ${f.risks.join(', ')}` : ''}
                    </p>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </main>
    </div>
  );
}
