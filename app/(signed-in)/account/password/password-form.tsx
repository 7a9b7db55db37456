'use client';

import { ActionForm } from '@/components/forms/action-form';
import { TextInput } from '@/components/govuk/form-fields';
import { changeOwnPasswordAction } from './server-actions';

export function ChangePasswordForm() {
  return (
    <ActionForm action={changeOwnPasswordAction} firstField="currentPassword" submitText="Change password">
      {(state) => (
        <>
          <TextInput
            id="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            errors={state?.fieldErrors?.currentPassword}
            width={20}
          />
          <TextInput
            id="newPassword"
            label="New password"
            hint="12 characters or more. A few unrelated words make a strong password."
            type="password"
            autoComplete="new-password"
            errors={state?.fieldErrors?.newPassword}
            width={20}
          />
          <TextInput
            id="confirmPassword"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            errors={state?.fieldErrors?.confirmPassword}
            width={20}
          />
        </>
      )}
    </ActionForm>
  );
}
