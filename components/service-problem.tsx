'use client';

/**
 * The page for an unexpected failure, shared by app/error.tsx (a page failed) and app/global-error.tsx (the
 * root layout failed): GOV.UK's wording, with a button that renders the page again.
 */
export function ServiceProblem({ reset }: { reset: () => void }) {
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
