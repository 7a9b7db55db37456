'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Nothing you saved has been lost. Try again in a moment.</p>
        <button type="button" className="govuk-button" onClick={() => reset()}>
          Try again
        </button>
      </main>
    </div>
  );
}
