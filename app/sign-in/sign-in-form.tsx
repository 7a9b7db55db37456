'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { FieldError } from '@/components/forms/field-error';
import { signInAction } from './actions';

/** Email and password, with a GOV.UK error summary and the email kept when sign-in fails. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  return (
    <ActionForm action={signInAction} firstField="email" submitText="Sign in" initialState={initialError ? { formErrors: [initialError] } : undefined}>
      {(state) => {
        const emailErrors = state?.fieldErrors?.email;
        const passwordErrors = state?.fieldErrors?.password;
        const email = echoed(state, 'email');
        return (
          <>
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
          </>
        );
      }}
    </ActionForm>
  );
}
