'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/govuk/error-summary';
import type { FormState } from '@/lib/validation/form-state';
import { summaryErrors } from './field-error';

type Action = (state: FormState | undefined, data: FormData) => Promise<FormState>;

/**
 * A form bound to a guarded server action, the one pattern every form here follows: the GOV.UK error
 * summary (which focuses itself), a success banner, and the state handed to the fields so they keep what
 * was typed. Works without JavaScript: the browser posts the form and the page comes back with the state.
 */
export function ActionForm({
  action,
  firstField,
  submitText,
  children,
  secondary,
  initialState,
  resetFields,
  buttons,
  after,
  id,
}: {
  action: Action;
  /** The field a form-level error links to. */
  firstField: string;
  submitText?: string;
  children: (state: FormState | undefined) => ReactNode;
  secondary?: boolean;
  initialState?: FormState;
  /** Render the fields afresh from each answer's echoed values (their defaults), not keep what the browser holds. */
  resetFields?: boolean;
  /** Buttons of the form's own, in place of the one submit button. */
  buttons?: (pending: boolean) => ReactNode;
  /** What the form shows after itself from an answer, such as a preview to confirm. */
  after?: (state: FormState | undefined) => ReactNode;
  id?: string;
}) {
  const [answer, formAction, pending] = useActionState<FormState | undefined, FormData>(action, initialState);
  // A file over its input's limit is refused here, before a byte is sent (the server refuses it too).
  const [refusedHere, setRefusedHere] = useState<FormState | undefined>();
  const state = refusedHere ?? answer;
  const banner = useRef<HTMLDivElement>(null);
  const errors = summaryErrors(state, firstField);
  const checkFiles = (event: FormEvent<HTMLFormElement>) => {
    const problem = oversizedFile(event.currentTarget);
    setRefusedHere(problem ? { fieldErrors: { [problem.field]: [problem.message] } } : undefined);
    if (problem) event.preventDefault();
  };
  useEffect(() => {
    if (state?.ok) banner.current?.focus();
  }, [state]);
  return (
    <>
      <ErrorSummary errors={errors} />
      {state?.ok && state.message ? (
        <div
          className="govuk-notification-banner govuk-notification-banner--success"
          role="alert"
          aria-labelledby={`${firstField}-success-title`}
          tabIndex={-1}
          ref={banner}
        >
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id={`${firstField}-success-title`}>
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{state.message}</p>
          </div>
        </div>
      ) : null}
      <form action={formAction} onSubmit={checkFiles} noValidate id={id} key={resetFields ? JSON.stringify(answer?.values ?? {}) : undefined}>
        {children(state)}
        {buttons ? (
          buttons(pending)
        ) : (
          <button type="submit" className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`} disabled={pending} aria-disabled={pending}>
            {submitText}
          </button>
        )}
      </form>
      {after?.(state)}
    </>
  );
}

/** A text value from a form state's echoed values, else a fallback. */
export function echoed(state: FormState | undefined, field: string, fallback = ''): string {
  const value = state?.values?.[field];
  return typeof value === 'string' ? value : fallback;
}

/**
 * The first file input holding more than its `data-max-bytes`, with the message it gives
 * (`data-too-large`): the same limit and words as the server action behind it.
 */
function oversizedFile(form: HTMLFormElement): { field: string; message: string } | null {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][data-max-bytes]')) {
    const total = Array.from(input.files ?? []).reduce((sum, file) => sum + file.size, 0);
    if (total > Number(input.dataset.maxBytes)) return { field: input.name, message: input.dataset.tooLarge ?? 'The file is too large' };
  }
  return null;
}
