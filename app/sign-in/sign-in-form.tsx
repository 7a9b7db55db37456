'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/govuk/error-summary';
import { FieldError, summaryErrors } from '@/components/forms/field-error';
import type { FormState } from '@/lib/auth/guard';
import { signInAction } from './actions';

/** Email and password, with a GOV.UK error summary and the email kept when sign-in fails. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [state, action, pending] = useActionState<FormState | undefined, FormData>(
    signInAction,
    initialError ? { formErrors: [initialError] } : undefined,
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = summaryErrors(state, 'email');
  useEffect(() => {
    if (errors.length) summaryRef.current?.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
  }, [state, errors.length]);
  const emailErrors = state?.fieldErrors?.email;
  const passwordErrors = state?.fieldErrors?.password;
  const email = typeof state?.values?.email === 'string' ? state.values.email : '';

  return (
    <>
      <div ref={summaryRef}>
        <ErrorSummary errors={errors} />
      </div>
      <form action={action} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className={`govuk-form-group${emailErrors ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="email">
            Email address
          </label>
          <FieldError id="email" errors={emailErrors} />
          <input
            className={`govuk-input${emailErrors ? ' govuk-input--error' : ''}`}
            id="email"
            name="email"
            type="email"
            spellCheck={false}
            autoComplete="username"
            defaultValue={email}
            key={`email-${email}`}
            aria-describedby={emailErrors ? 'email-error' : undefined}
          />
        </div>
        <div className={`govuk-form-group${passwordErrors ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="password">
            Password
          </label>
          <FieldError id="password" errors={passwordErrors} />
          <input
            className={`govuk-input govuk-password-input__input${passwordErrors ? ' govuk-input--error' : ''}`}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="none"
            aria-describedby={passwordErrors ? 'password-error' : undefined}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Sign in
        </button>
      </form>
    </>
  );
}
