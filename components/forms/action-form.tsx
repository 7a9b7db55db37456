'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/govuk/error-summary';
import type { FormState } from '@/lib/auth/guard';
import { summaryErrors } from './field-error';

/**
 * A form bound to a guarded server action: shows the GOV.UK error summary (focused) and a success
 * message, and hands the state to its fields so they keep what was typed. Works without JavaScript.
 */
export function ActionForm({
  action,
  firstField,
  submitText,
  children,
  secondary,
}: {
  action: (state: FormState | undefined, data: FormData) => Promise<FormState>;
  firstField: string;
  submitText: string;
  children: (state: FormState | undefined) => ReactNode;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState | undefined, FormData>(action, undefined);
  const ref = useRef<HTMLDivElement>(null);
  const errors = summaryErrors(state, firstField);
  useEffect(() => {
    if (errors.length) ref.current?.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
    else if (state?.ok) ref.current?.querySelector<HTMLElement>('.govuk-notification-banner')?.focus();
  }, [state, errors.length]);
  return (
    <div ref={ref}>
      <ErrorSummary errors={errors} />
      {state?.ok && state.message ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={`${firstField}-success-title`} tabIndex={-1}>
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
      <form action={formAction} noValidate>
        {children(state)}
        <button type="submit" className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`} data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          {submitText}
        </button>
      </form>
    </div>
  );
}

/** A text value from a form state's echoed values, else a fallback. */
export function echoed(state: FormState | undefined, field: string, fallback = ''): string {
  const value = state?.values?.[field];
  return typeof value === 'string' ? value : fallback;
}
