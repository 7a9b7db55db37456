'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { DateInput, Textarea } from '@/components/govuk/form-fields';
import { FieldError, summaryErrors } from '@/components/forms/field-error';
import type { FormState } from '@/lib/auth/guard';
import { formatDay } from '@/lib/domain/dates';
import type { ImportIssue, ImportedRisk } from '@/lib/domain/register-import';
import { applyImportAction, previewImportAction } from './server-actions';

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
  const [state, action, pending] = useActionState<FormState | undefined, FormData>(applyImportAction, undefined);
  const flagged = new Set(preview.warnings.filter((w) => w.code === 'bullets-unsplit').map((w) => `${w.ref}-${w.message.includes('consequences') ? 'consequences' : 'mitigations'}`));
  const errors = summaryErrors(state, 'apply');
  return (
    <form action={action} noValidate id="apply">
      <ErrorSummary errors={errors} />
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
                const typed = state?.values?.[id];
                return (
                  <Textarea
                    key={id}
                    id={id}
                    label={`${risk.ref} ${key}`}
                    defaultValue={typeof typed === 'string' ? typed : risk[key].join('\n')}
                    errors={state?.fieldErrors?.[id]}
                    rows={4}
                  />
                );
              }),
          )}
        </>
      ) : null}
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
        Apply import
      </button>
    </form>
  );
}

/** Paste or upload, preview with per-row warnings and errors, then apply only when confirmed. */
export function ImportForms() {
  const [state, action, pending] = useActionState<FormState | undefined, FormData>(previewImportAction, undefined);
  const ref = useRef<HTMLDivElement>(null);
  const errors = summaryErrors(state, 'text');
  const preview = state?.data?.preview as Preview | undefined;
  useEffect(() => {
    if (errors.length) ref.current?.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
  }, [state, errors.length]);
  const typed = (key: string) => (typeof state?.values?.[key] === 'string' ? (state.values[key] as string) : '');
  return (
    <div ref={ref}>
      <ErrorSummary errors={errors} />
      <form action={action} noValidate key={JSON.stringify(state?.values ?? {})}>
        <Textarea
          id="text"
          label="Paste the register"
          hint="Copy the table from the committee paper (with its tabs), or a CSV with a header row"
          defaultValue={typed('text')}
          errors={state?.fieldErrors?.text}
          rows={8}
          labelSize="m"
        />
        <div className={`govuk-form-group${state?.fieldErrors?.file ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--m" htmlFor="file">
            Or upload a file
          </label>
          <div id="file-hint" className="govuk-hint">
            .txt, .md or .tsv (the paper’s table), .csv or .xlsx (one row per risk; columns ID, Category, Date identified, Event, Consequences, Impact
            areas, Mitigations, L, C, I, Score, Date reviewed, Summary; list items on separate lines in a cell)
          </div>
          <FieldError id="file" errors={state?.fieldErrors?.file} />
          <input className="govuk-file-upload" id="file" name="file" type="file" accept=".txt,.md,.tsv,.csv,.xlsx" aria-describedby="file-hint" />
        </div>
        <DateInput name="asAt" legend="Review date for rows without one (optional)" hint="For example 4 5 2018" values={{ day: '', month: '', year: '' }} errors={state?.fieldErrors?.asAt} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Preview
        </button>
      </form>

      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 className="govuk-heading-l" id="preview-title">
            Preview: nothing is saved yet
          </h2>
          <p className="govuk-body" data-testid="import-counts">
            {preview.risks.length} risks read from {preview.source}; {preview.warnings.length} warnings; {preview.errors.length} errors.
          </p>
          {preview.errors.length ? (
            <div className="govuk-error-summary" tabIndex={-1}>
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
            <table className="govuk-table app-register-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Risks in the file</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">ID</th>
                  <th scope="col" className="govuk-table__header">Event</th>
                  <th scope="col" className="govuk-table__header">Identified</th>
                  <th scope="col" className="govuk-table__header">L C I = score</th>
                  <th scope="col" className="govuk-table__header">Reviewed</th>
                  <th scope="col" className="govuk-table__header">Summary</th>
                  <th scope="col" className="govuk-table__header">Here</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {preview.risks.map((r) => (
                  <tr className="govuk-table__row" key={r.ref} data-ref={r.ref}>
                    <th scope="row" className="govuk-table__header">{r.ref}</th>
                    <td className="govuk-table__cell">{r.event}</td>
                    <td className="govuk-table__cell app-nowrap">{formatDay(r.dateIdentified)}</td>
                    <td className="govuk-table__cell app-nowrap">
                      {r.likelihood} × {r.control} × {r.impact} = {r.score}
                    </td>
                    <td className="govuk-table__cell app-nowrap">{formatDay(r.dateReviewed, 'Not given')}</td>
                    <td className="govuk-table__cell">{r.summary}</td>
                    <td className="govuk-table__cell">{r.existing ? 'On the register: updated only if changed' : 'New: will be added'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.errors.length === 0 && preview.risks.length ? <ApplyForm preview={preview} /> : <p className="govuk-body">Correct the file and preview it again.</p>}
        </section>
      ) : null}
    </div>
  );
}
