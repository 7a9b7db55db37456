import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Accessibility statement' };

export default function AccessibilityPage() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Accessibility statement for the risk register</h1>
            <p className="govuk-body">
              This service is run by the Office of the Police and Crime Commissioner. We want as many people as possible to be able to use it. It is designed to
              meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, as the Public Sector Bodies (Websites and Mobile Applications) (No.
              2) Accessibility Regulations 2018 require.
            </p>
            <h2 className="govuk-heading-m">How accessible this service is</h2>
            <p className="govuk-body">You should be able to:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>use every page with a keyboard alone, and with a screen reader</li>
              <li>zoom to 400% without text spilling off the screen (wide tables scroll)</li>
              <li>tell a risk’s band, appetite position and review status from words, never from colour alone</li>
              <li>use every filter and form without JavaScript</li>
            </ul>
            <h2 className="govuk-heading-m">How we test it</h2>
            <p className="govuk-body">
              Every page is checked automatically with axe against WCAG 2.0, 2.1 and 2.2 A and AA rules in our end-to-end test suite, on every change.
            </p>
            <h2 className="govuk-heading-m">Reporting problems</h2>
            <p className="govuk-body">
              If you find a problem not listed here, tell the register’s system owner in the Office of the Police and Crime Commissioner.
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
