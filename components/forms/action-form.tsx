'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
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
  const [state, formAction, pending] = useActionState<FormState | undefined, FormData>(action, initialState);
  const banner = useRef<HTMLDivElement>(null);
  const errors = summaryErrors(state, firstField);
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
      <form action={formAction} noValidate id={id} key={resetFields ? JSON.stringify(state?.values ?? {}) : undefined}>
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
