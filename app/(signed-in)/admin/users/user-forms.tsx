'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { Radios, TextInput } from '@/components/govuk/form-fields';
import { ROLE_DESCRIPTION, ROLE_LABEL, ROLES } from '@/lib/auth/permissions';
import { addUserAction, resetPasswordAction, updateUserAction } from './server-actions';
import { LIMITS } from '@/lib/validation/limits';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, text: ROLE_LABEL[role], hint: ROLE_DESCRIPTION[role] }));

export function AddUserForm() {
  return (
    <ActionForm action={addUserAction} firstField="name" submitText="Add user">
      {(state) => (
        <>
          <TextInput
            id="name"
            limit={LIMITS.name}
            label="Full name"
            defaultValue={echoed(state, 'name')}
            errors={state?.fieldErrors?.name}
            autoComplete="off"
          />
          <TextInput
            id="email"
            limit={LIMITS.email}
            label="Email address"
            type="email"
            defaultValue={echoed(state, 'email')}
            errors={state?.fieldErrors?.email}
            autoComplete="off"
          />
          <Radios name="role" legend="Role" options={ROLE_OPTIONS} defaultValue={echoed(state, 'role')} errors={state?.fieldErrors?.role} />
          <TextInput
            id="password"
            label="First password"
            hint="12 characters or more. Pass it on securely; they can change it after signing in."
            type="password"
            autoComplete="new-password"
            errors={state?.fieldErrors?.password}
            width={20}
          />
        </>
      )}
    </ActionForm>
  );
}

type EditableUser = { id: number; version: number; name: string; role: string; active: boolean };

export function EditUserForm({ user }: { user: EditableUser }) {
  return (
    <ActionForm action={updateUserAction} firstField="name" submitText="Save changes">
      {(state) => (
        <>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={echoed(state, 'version', String(user.version))} />
          <TextInput
            id="name"
            limit={LIMITS.name}
            label="Full name"
            defaultValue={echoed(state, 'name', user.name)}
            errors={state?.fieldErrors?.name}
            autoComplete="off"
          />
          <Radios name="role" legend="Role" options={ROLE_OPTIONS} defaultValue={echoed(state, 'role', user.role)} errors={state?.fieldErrors?.role} />
          <Radios
            name="active"
            legend="Can this user sign in?"
            inline
            options={[
              { value: 'yes', text: 'Yes, active' },
              { value: 'no', text: 'No, deactivated' },
            ]}
            defaultValue={echoed(state, 'active', user.active ? 'yes' : 'no')}
            errors={state?.fieldErrors?.active}
          />
        </>
      )}
    </ActionForm>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  return (
    <ActionForm action={resetPasswordAction} firstField="reset-password" submitText="Reset password" secondary>
      {(state) => (
        <>
          <input type="hidden" name="id" value={userId} />
          <TextInput
            id="reset-password"
            name="password"
            label="New password"
            hint="12 characters or more. Any lockout on this account is cleared."
            type="password"
            autoComplete="new-password"
            errors={state?.fieldErrors?.password}
            width={20}
          />
        </>
      )}
    </ActionForm>
  );
}
