'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { DateInput, FileUpload, Textarea } from '@/components/govuk/form-fields';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';
import { formatDay } from '@/lib/domain/dates';
import type { ImportIssue, ImportedRisk } from '@/lib/domain/register-import';
import { applyImportAction, previewImportAction } from './server-actions';
import { REGISTER_TEXT_MAX_CHARACTERS, REGISTER_UPLOAD_MAX_BYTES } from '@/lib/upload-limits';

type Preview = {
  format: string;
  source: string;
  asAt: string | null;
  risks: Array<ImportedRisk & { existing: boolean }>;
  warnings: ImportIssue[];
  errors: ImportIssue[];
  payload: string;
};

function ApplyForm({ preview }: { preview: Preview }) {
  const flagged = new Set(
    preview.warnings.filter((w) => w.code === 'bullets-unsplit').map((w) => `${w.ref}-${w.message.includes('consequences') ? 'consequences' : 'mitigations'}`),
  );
  return (
    <ActionForm action={applyImportAction} firstField="apply" submitText="Apply import" id="apply">
      {(state) => (
        <>
          <input type="hidden" name="payload" value={preview.payload} />
          <input type="hidden" name="source" value={preview.source} />
          <input type="hidden" name="asAt" value={preview.asAt ?? ''} />
          {flagged.size ? (
            <>
              <h2 className="govuk-heading-m">Split the lists that lost their bullets</h2>
              <p className="govuk-body">Put each item on its own line. Only split: the words must stay as imported.</p>
              {preview.risks.flatMap((risk) =>
                (['consequences', 'mitigations'] as const)
                  .filter((key) => flagged.has(`${risk.ref}-${key}`))
                  .map((key) => {
                    const id = `edit-${risk.ref}-${key}`;
                    return (
                      <Textarea
                        key={id}
                        id={id}
                        label={`${risk.ref} ${key}`}
                        defaultValue={echoed(state, id, risk[key].join('\n'))}
                        errors={state?.fieldErrors?.[id]}
                        rows={4}
                      />
                    );
                  }),
              )}
            </>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}

function PreviewSection({ preview }: { preview: Preview }) {
  return (
    <section aria-labelledby="preview-title">
      <h2 className="govuk-heading-l" id="preview-title">
        Preview: nothing is saved yet
      </h2>
      <p className="govuk-body" data-testid="import-counts">
        {preview.risks.length} risks read from {preview.source}; {preview.warnings.length} warnings; {preview.errors.length} errors.
      </p>
      {preview.errors.length ? (
        <div className="govuk-error-summary">
          <div role="alert">
            <h3 className="govuk-error-summary__title">Rows that cannot be imported</h3>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list" data-testid="import-errors">
                {preview.errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      ) : null}
      {preview.warnings.length ? (
        <>
          <h3 className="govuk-heading-s">Warnings</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="import-warnings">
            {preview.warnings.map((w, i) => (
              <li key={i}>
                {w.line ? `Line ${w.line}: ` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.risks.length ? (
        <Table
          className="app-register-table"
          caption="Risks in the file"
          captionSize="m"
          columns={[
            { header: 'ID' },
            { header: 'Event' },
            { header: 'Identified' },
            { header: 'L C I = score' },
            { header: 'Reviewed' },
            { header: 'Summary' },
            { header: 'Here' },
          ]}
        >
          {preview.risks.map((r) => (
            <Row key={r.ref} data-ref={r.ref}>
              <RowHeader>{r.ref}</RowHeader>
              <Cell>{r.event}</Cell>
              <Cell className="app-nowrap">{formatDay(r.dateIdentified)}</Cell>
              <Cell className="app-nowrap">
                {r.likelihood} × {r.control} × {r.impact} = {r.score}
              </Cell>
              <Cell className="app-nowrap">{formatDay(r.dateReviewed, 'Not given')}</Cell>
              <Cell>{r.summary}</Cell>
              <Cell>{r.existing ? 'On the register: updated only if changed' : 'New: will be added'}</Cell>
            </Row>
          ))}
        </Table>
      ) : null}
      {preview.errors.length === 0 && preview.risks.length ? (
        <ApplyForm preview={preview} />
      ) : (
        <p className="govuk-body">Correct the file and preview it again.</p>
      )}
    </section>
  );
}

/** Paste or upload, preview with per-row warnings and errors, then apply only when confirmed. */
export function ImportForms() {
  return (
    <ActionForm
      action={previewImportAction}
      firstField="text"
      submitText="Preview"
      secondary
      resetFields
      after={(state) => {
        const preview = state?.data?.preview as Preview | undefined;
        return preview ? <PreviewSection preview={preview} /> : null;
      }}
    >
      {(state) => (
        <>
          <Textarea
            id="text"
            label="Paste the register"
            hint={`Copy the table from the committee paper (with its tabs), or a CSV with a header row; up to ${REGISTER_TEXT_MAX_CHARACTERS.toLocaleString('en-GB')} characters`}
            defaultValue={echoed(state, 'text')}
            errors={state?.fieldErrors?.text}
            rows={8}
            labelSize="m"
          />
          <FileUpload
            label="Or upload a file"
            hint=".txt, .md or .tsv (the paper’s table), .csv or .xlsx (one row per risk; columns ID, Category, Date identified, Event, Consequences, Impact areas, Mitigations, L, C, I, Score, Date reviewed, Summary; list items on separate lines in a cell)"
            accept=".txt,.md,.tsv,.csv,.xlsx"
            maxBytes={REGISTER_UPLOAD_MAX_BYTES}
            tooLarge="The file must be smaller than 5 MB"
            errors={state?.fieldErrors?.file}
          />
          <DateInput
            name="asAt"
            legend="Review date for rows without one (optional)"
            hint="For example 4 5 2018"
            values={{ day: '', month: '', year: '' }}
            errors={state?.fieldErrors?.asAt}
          />
        </>
      )}
    </ActionForm>
  );
}
