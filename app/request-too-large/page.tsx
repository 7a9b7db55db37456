import type { Metadata } from 'next';
import Link from 'next/link';
import requestLimit from '@/lib/request-limit.json';

export const metadata: Metadata = { title: 'What you sent was too large' };

/** Where a form post larger than the service accepts is sent (proxy.ts): nothing in it was read or saved. */
export default function RequestTooLarge() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">What you sent was too large</h1>
        <p className="govuk-body">
          The service accepts at most {requestLimit.megabytes} MB in one go, and what you sent was larger, so none of it was read or saved.
        </p>
        <p className="govuk-body">
          Go back in your browser, choose a smaller file (an inspection report or register is usually well under 20 MB) or send less text, and try again.
        </p>
        <p className="govuk-body">
          Or go to the{' '}
          <Link className="govuk-link" href="/register">
            risk register
          </Link>
          .
        </p>
      </main>
    </div>
  );
}
