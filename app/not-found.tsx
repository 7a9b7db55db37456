import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          A risk’s address uses its ID, for example <code>/risks/I1</code>. Removed topical risks stay readable; an ID that was never issued has no page. Go to
          the{' '}
          <Link className="govuk-link" href="/register">
            risk register
          </Link>
          .
        </p>
      </main>
    </div>
  );
}
