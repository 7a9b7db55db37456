import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/guard';
import { ChangePasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Change your password' };

export default async function ChangePasswordPage() {
  await requirePermission('account:change-own-password');
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Change your password</h1>
            <ChangePasswordForm />
          </div>
        </div>
      </main>
    </div>
  );
}
