'use client';

import { ServiceProblem } from '@/components/service-problem';
import './globals.scss';

/**
 * Shown when the root layout itself fails (for example the database cannot be opened while the header checks
 * the session), in place of Next's unstyled default. It brings its own document, as the layout is what failed.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <title>Sorry, there is a problem with the service – Risk register – OPCC</title>
        <ServiceProblem reset={reset} />
      </body>
    </html>
  );
}
