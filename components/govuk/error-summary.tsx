'use client';

import { useEffect, useRef } from 'react';

/**
 * GOV.UK error summary: "There is a problem", with a link to each field in error. It takes focus when it
 * appears or its errors change, as GOV.UK's own script does, so a screen reader announces it first.
 */
export function ErrorSummary({ errors }: { errors: Array<{ href: string; text: string }> }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((error) => `${error.href} ${error.text}`).join('\n');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
