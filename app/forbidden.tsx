import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="govuk-width-container">
      {/* The refused page's own metadata would otherwise title this page as if it had been shown. */}
      <title>You do not have permission – Risk register – OPCC</title>
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">You do not have permission to see this page</h1>
        <p className="govuk-body">Your role does not include this part of the service. If you need it, ask the register’s administrator.</p>
        <p className="govuk-body">
          Go to the{' '}
          <Link className="govuk-link" href="/register">
            risk register
          </Link>
          .
        </p>
      </main>
    </div>
  );
}
