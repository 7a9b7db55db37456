import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Account not registered' };

export default function RefusedPage() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Your organisation account is not registered for this service</h1>
            <p className="govuk-body">
              You signed in with your organisation, but no active account in the risk register has that email address, so you have not been signed in.
            </p>
            <p className="govuk-body">Ask the register’s administrator to add you, or to reactivate your account.</p>
            <p className="govuk-body">
              <Link className="govuk-link" href="/sign-in">
                Back to sign in
              </Link>
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
