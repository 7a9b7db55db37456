/**
 * The page for an unexpected failure, shared by app/error.tsx (a page failed), app/global-error.tsx (the
 * root layout failed) and pages/_error.tsx (the register failed): GOV.UK's wording, with a way to try again.
 * The App Router's error pages retry with `reset`; a page without JavaScript links to itself.
 */
export function ServiceProblem({ reset, retryHref }: { reset?: () => void; retryHref?: string }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Nothing you saved has been lost. Try again in a moment.</p>
        {reset ? (
          <button type="button" className="govuk-button" onClick={() => reset()}>
            Try again
          </button>
        ) : (
          <a className="govuk-button" role="button" draggable={false} href={retryHref ?? '/register'}>
            Try again
          </a>
        )}
      </main>
    </div>
  );
}
