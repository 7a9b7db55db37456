/** The covering report on screen and on paper (print styles leave out the service's header and controls). */
import { APPENDIX_A_HEADERS, type CoveringReport } from '@/lib/domain/covering-report';
import { formatDay } from '@/lib/domain/dates';
import { BandTag } from './risk-tags';

export function CoveringReportView({ report, draft }: { report: CoveringReport; draft: boolean }) {
  return (
    <article className="app-covering-report" data-testid="covering-report" aria-labelledby="report-title">
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

      <section aria-labelledby="appendix-a" className="app-page-break">
        <table className="govuk-table app-register-table" data-testid="appendix-a">
          <caption className="govuk-table__caption govuk-table__caption--m" id="appendix-a">
            {report.appendixA.caption}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {APPENDIX_A_HEADERS.map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.appendixA.rows.map((r) => (
              <tr className="govuk-table__row" key={r.ref}>
                <th scope="row" className="govuk-table__header">
                  {r.ref}
                </th>
                <td className="govuk-table__cell app-nowrap">{formatDay(r.dateIdentified)}</td>
                <td className="govuk-table__cell">{r.event}</td>
                <td className="govuk-table__cell">{r.likelihood ?? '–'}</td>
                <td className="govuk-table__cell">{r.control ?? '–'}</td>
                <td className="govuk-table__cell">{r.impact ?? '–'}</td>
                <td className="govuk-table__cell">{r.score}</td>
                <td className="govuk-table__cell">
                  <BandTag band={r.band} />
                </td>
                <td className="govuk-table__cell app-nowrap">{formatDay(r.dateReviewed)}</td>
                <td className="govuk-table__cell">{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="appendix-b" className="app-page-break">
        <h3 className="govuk-heading-m" id="appendix-b">
          Appendix B: Glossary and risk key
        </h3>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Acronyms used in the register</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Acronym
              </th>
              <th scope="col" className="govuk-table__header">
                Meaning
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.appendixB.glossary.map((g) => (
              <tr className="govuk-table__row" key={g.acronym}>
                <th scope="row" className="govuk-table__header">
                  {g.acronym}
                </th>
                <td className="govuk-table__cell">{g.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Risk key</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Band
              </th>
              <th scope="col" className="govuk-table__header">
                Score
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.appendixB.key.map((k) => (
              <tr className="govuk-table__row" key={k.band}>
                <th scope="row" className="govuk-table__header">
                  <BandTag band={k.band} />
                </th>
                <td className="govuk-table__cell">{k.range}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
