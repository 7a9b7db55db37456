import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ServiceProblem } from './service-problem';

describe('ServiceProblem', () => {
  it('says what happened, that nothing was lost, and offers to try again', () => {
    const markup = renderToStaticMarkup(<ServiceProblem reset={() => {}} />);
    expect(markup).toContain('<main class="govuk-main-wrapper" id="main-content">');
    expect(markup).toContain('<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>');
    expect(markup).toContain('Nothing you saved has been lost.');
    expect(markup).toMatch(/<button type="button" class="govuk-button"[^>]*>Try again<\/button>/);
  });
});
