'use client';

import Link from 'next/link';
import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, FileUpload, Radios, TextInput, Textarea } from '@/components/govuk/form-fields';
import type { FormState } from '@/lib/validation/form-state';
import type { ParsedReport } from '@/lib/domain/inspection-report';
import { FINDING_KIND_LABEL } from '@/lib/domain/inspections';
import { previewReportAction, saveReportAction } from '../server-actions';
import { REPORT_TEXT_MAX_CHARACTERS, REPORT_UPLOAD_MAX_BYTES } from '@/lib/upload-limits';
import { LIMITS } from '@/lib/validation/limits';

function ConfirmForm({ report, sourceName }: { report: ParsedReport; sourceName: string }) {
  const [y, m] = (report.published ?? '').split('-');
  return (
    <ActionForm action={saveReportAction} firstField="force" submitText="Confirm and save">
      {(state) => <ConfirmFields state={state} report={report} sourceName={sourceName} y={y} m={m} />}
    </ActionForm>
  );
}

function ConfirmFields({
  state,
  report,
  sourceName,
  y,
  m,
}: {
  state: FormState | undefined;
  report: ParsedReport;
  sourceName: string;
  y?: string;
  m?: string;
}) {
  const v = (k: string, fallback: string) => echoed(state, k, fallback);
  const fe = state?.fieldErrors ?? {};
  return (
    <>
      <input type="hidden" name="payload" value={JSON.stringify({ judgments: report.judgments, findings: report.findings })} />
      <input type="hidden" name="sourceName" value={sourceName} />
      <h2 className="govuk-heading-m">Check the report’s details</h2>
      <TextInput id="force" limit={LIMITS.force} label="Force" defaultValue={v('force', report.force)} errors={fe.force} />
      <TextInput id="title" limit={LIMITS.reportTitle} label="Title" defaultValue={v('title', report.title)} errors={fe.title} />
      <Radios
        name="inspectorate"
        legend="Inspectorate"
        inline
        options={[
          { value: 'HMICFRS', text: 'HMICFRS' },
          { value: 'HMIC', text: 'HMIC' },
        ]}
        defaultValue={v('inspectorate', report.inspectorate)}
        errors={fe.inspectorate}
      />
      <TextInput id="year" label="Inspection year" defaultValue={v('year', report.year)} errors={fe.year} width={10} />
      <TextInput id="type" limit={LIMITS.inspectionType} label="Type" defaultValue={v('type', report.type)} errors={fe.type} />
      <DateInput
        name="publishedOn"
        legend="Publication date"
        hint="The s.55 response is due 56 days after this. The report gives only the month: check the day."
        values={{
          day: v('publishedOn-day', report.published ? '1' : ''),
          month: v('publishedOn-month', m ? String(Number(m)) : ''),
          year: v('publishedOn-year', y ?? ''),
        }}
        errors={fe.publishedOn}
      />
      <h2 className="govuk-heading-m">Judgments ({report.judgments.length})</h2>
      <ul className="govuk-list govuk-list--bullet">
        {report.judgments.map((j) => (
          <li key={j.component}>
            {j.pillar ? `${j.pillar}: ` : ''}
            {j.component}: <strong>{j.grade}</strong>
            {j.lastInspected ? ` (last inspected ${j.lastInspected})` : ''}
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m" data-testid="preview-findings-count">
        Findings ({report.findings.length})
      </h2>
      {report.findings.length === 0 ? <p className="govuk-body">The report has no areas for improvement, causes of concern or recommendations.</p> : null}
      {report.findings.map((f, i) => (
        <div className="govuk-inset-text" key={f.line} data-testid="preview-finding">
          <p className="govuk-body govuk-!-font-weight-bold">
            {FINDING_KIND_LABEL[f.kind]} {i + 1} (line {f.line})
          </p>
          <p className="govuk-body">{f.text}</p>
          {f.subItems.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {f.subItems.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : null}
          <TextInput id={`component-${f.line}`} label={`Component of finding ${i + 1}`} defaultValue={v(`component-${f.line}`, f.component ?? '')} />
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id={`include-${f.line}`} name={`include-${f.line}`} type="checkbox" value="yes" defaultChecked />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`include-${f.line}`}>
                Include finding {i + 1}
              </label>
            </div>
          </div>
        </div>
      ))}
    </>
  );
}

/** Paste a report or upload its PDF or text; preview what was found; correct it; confirm. */
export function ImportReport() {
  return (
    <ActionForm
      action={previewReportAction}
      firstField="text"
      submitText="Preview"
      secondary
      resetFields
      after={(state) => {
        const report = state?.data?.report as ParsedReport | undefined;
        return report ? (
          <section aria-labelledby="report-preview">
            <h2 className="govuk-heading-l" id="report-preview">
              Preview: nothing is saved yet
            </h2>
            {typeof state?.data?.duplicateOf === 'number' ? (
              <div className="govuk-warning-text" data-testid="duplicate-warning">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  This report has already been imported as{' '}
                  <Link className="govuk-link" href={`/inspections/${state.data.duplicateOf}`}>
                    inspection {state.data.duplicateOf}
                  </Link>
                  . Saving it again will be refused unless its force, title or year below is different.
                </strong>
              </div>
            ) : null}
            <ConfirmForm report={report} sourceName={String(state?.data?.sourceName ?? '')} />
          </section>
        ) : null;
      }}
    >
      {(state) => (
        <>
          <Textarea
            id="text"
            label="Paste the report’s text"
            hint={`Up to ${REPORT_TEXT_MAX_CHARACTERS.toLocaleString('en-GB')} characters`}
            defaultValue={echoed(state, 'text')}
            errors={state?.fieldErrors?.text}
            rows={6}
            labelSize="m"
          />
          <FileUpload
            label="Or upload the published PDF, or a text file"
            hint=".pdf, .txt or .md, up to 20 MB"
            accept=".pdf,.txt,.md"
            maxBytes={REPORT_UPLOAD_MAX_BYTES}
            tooLarge="The file must be smaller than 20 MB"
            errors={state?.fieldErrors?.file}
          />
        </>
      )}
    </ActionForm>
  );
}
