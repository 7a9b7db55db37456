/** The covering report on screen and on paper (print styles leave out the service's header and controls). */
import { APPENDIX_A_HEADERS, appendixDividerBefore, recordNote, type CoveringReport } from '@/lib/domain/covering-report';
import { formatDay } from '@/lib/domain/dates';
import { bandLabel } from '@/lib/domain/scoring';
import { BandTag } from './risk-tags';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';

/** A list in an Appendix A cell: bulleted as the paper prints consequences and mitigations; impact areas one per line. */
function AppendixList({ items, plain = false }: { items: string[] | undefined; plain?: boolean }) {
  if (!items?.length) return <>–</>;
  return (
    <ul className={`govuk-list app-register-table__list${plain ? '' : ' govuk-list--bullet'}`}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function CoveringReportView({ report, draft }: { report: CoveringReport; draft: boolean }) {
  return (
    <article className="app-covering-report" data-testid="covering-report" aria-labelledby="report-title">
      {report.agendaItem ? (
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" data-testid="agenda-item">
          Agenda item {report.agendaItem}
        </p>
      ) : null}
      <p className="govuk-body govuk-!-margin-bottom-1">{report.forum}</p>
      <p className="govuk-body">{formatDay(report.meetingOn)}</p>
      <h2 className="govuk-heading-l" id="report-title">
        {report.title}
        {draft ? ' (draft)' : ''}
      </h2>
      {report.sections.map((section) => (
        <section key={section.number} aria-labelledby={`report-section-${section.number}`}>
          <h3 className="govuk-heading-m" id={`report-section-${section.number}`}>
            {section.number}. {section.heading}
          </h3>
          {section.blocks.map((block, i) => {
            if (block.kind === 'paragraph')
              return (
                <p className="govuk-body app-numbered-paragraph" key={i}>
                  {block.number ? <span className="app-paragraph-number">{block.number}</span> : null}
                  <span>{block.text}</span>
                </p>
              );
            if (block.kind === 'risk')
              return (
                <div className="app-key-risk" key={i} data-ref={block.ref}>
                  <h4 className="govuk-heading-s">
                    <em>
                      Risk {block.ref}: {block.event} (<strong>{block.band}</strong> risk)
                    </em>
                  </h4>
                  <p className="govuk-body">{block.text}</p>
                </div>
              );
            return (
              <ul className="govuk-list govuk-list--bullet app-key-risk" key={i}>
                {block.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            );
          })}
        </section>
      ))}
      {report.signOff.name || report.signOff.role ? (
        <p className="govuk-body">
          {report.signOff.name}
          {report.signOff.name && report.signOff.role ? <br /> : null}
          {report.signOff.role}
        </p>
      ) : null}

      <section aria-labelledby="appendix-a" className="app-page-break app-appendix-a">
        <h3 className="govuk-heading-m" id="appendix-a">
          {report.appendixA.caption}
        </h3>
        <Table
          className="app-register-table"
          data-testid="appendix-a"
          caption="The register’s risks, inherent then topical"
          captionSize="s"
          columns={APPENDIX_A_HEADERS.map((h) => ({ header: h }))}
        >
          {report.appendixA.rows.flatMap((r, index) => {
            const divider = appendixDividerBefore(report.appendixA.rows, index);
            return [
              ...(divider
                ? [
                    <Row key={`divider-${r.category}`} className="app-register-divider" data-divider={r.category}>
                      <th colSpan={APPENDIX_A_HEADERS.length} className="govuk-table__header">
                        {divider}
                      </th>
                    </Row>,
                  ]
                : []),
              <Row key={r.ref} data-ref={r.ref}>
                <RowHeader>{r.ref}</RowHeader>
                <Cell data-label="Date identified">{formatDay(r.dateIdentified)}</Cell>
                <Cell data-col="event" data-label="Event">
                  {r.event}
                </Cell>
                <Cell data-col="consequences" data-label="Consequence">
                  <AppendixList items={r.consequences} />
                </Cell>
                <Cell data-col="impact-areas" data-label="Main impact area(s)">
                  <AppendixList items={r.impactAreas} plain />
                </Cell>
                <Cell data-col="mitigations" data-label="Mitigation and Controls">
                  <AppendixList items={r.mitigations} />
                </Cell>
                <Cell data-label="L">{r.likelihood ?? '–'}</Cell>
                <Cell data-label="C">{r.control ?? '–'}</Cell>
                <Cell data-label="I">{r.impact ?? '–'}</Cell>
                <Cell data-col="score" data-label="Score" className={`app-band-cell app-band-cell--${r.band}`}>
                  <strong>{r.score}</strong> <span className="app-nowrap">{bandLabel(r.band)}</span>
                </Cell>
                <Cell data-label="Date Reviewed">{formatDay(r.dateReviewed, 'Date not recorded')}</Cell>
                <Cell data-col="summary" data-label="Summary">
                  {r.summary}
                </Cell>
              </Row>,
            ];
          })}
        </Table>
      </section>

      <section aria-labelledby="appendix-b" className="app-page-break">
        <h3 className="govuk-heading-m" id="appendix-b">
          Appendix B: Glossary and risk key
        </h3>
        <Table caption="Acronyms used in the register" captionSize="s" columns={[{ header: 'Acronym' }, { header: 'Meaning' }]}>
          {report.appendixB.glossary.map((g) => (
            <Row key={g.acronym}>
              <RowHeader>{g.acronym}</RowHeader>
              <Cell>{g.meaning}</Cell>
            </Row>
          ))}
        </Table>
        <Table caption="Risk key" captionSize="s" columns={[{ header: 'Band' }, { header: 'Score' }]}>
          {report.appendixB.key.map((k) => (
            <Row key={k.band}>
              <RowHeader>
                <BandTag band={k.band} />
              </RowHeader>
              <Cell>{k.range}</Cell>
            </Row>
          ))}
        </Table>
      </section>
      {report.auditCheckpoint ? (
        <section aria-labelledby="report-record">
          <h3 className="govuk-heading-s" id="report-record">
            Record
          </h3>
          <p className="govuk-body-s app-break-anywhere" data-testid="audit-checkpoint">
            {recordNote(report.auditCheckpoint)}
          </p>
        </section>
      ) : null}
    </article>
  );
}
