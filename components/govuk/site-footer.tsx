import Link from 'next/link';

/** Footer with the accessibility statement link; no crown or Crown copyright, as this is not GOV.UK. */
export function SiteFooter() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" href="/accessibility">
                  Accessibility statement
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/api/health">
                  Service status
                </a>
              </li>
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-0">Office of the Police and Crime Commissioner: dynamic risk register and action tracker.</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
