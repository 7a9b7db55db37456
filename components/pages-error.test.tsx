import type { NextPageContext } from 'next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/pages/_error';

const context = (statusCode: number, asPath?: string) => ({ res: { statusCode }, asPath }) as unknown as NextPageContext;

describe('the error page of the register (pages/_error.tsx)', () => {
  it('on a failure, says so in GOV.UK’s words and offers the same address again', () => {
    const props = ErrorPage.getInitialProps!(context(500, '/register?band=high')) as { statusCode: number; retryHref: string };
    expect(props).toEqual({ statusCode: 500, retryHref: '/register?band=high' });
    const markup = renderToStaticMarkup(<ErrorPage {...props} />);
    expect(markup).toContain('<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>');
    expect(markup).toContain('href="/register?band=high">Try again</a>');
    expect(markup).toContain('Skip to main content');
  });

  it('never offers an address on another site', () => {
    expect(ErrorPage.getInitialProps!(context(500, '//elsewhere.example/x'))).toEqual({ statusCode: 500, retryHref: '/register' });
    expect(ErrorPage.getInitialProps!(context(500))).toEqual({ statusCode: 500, retryHref: '/register' });
  });

  it('shows the not-found page for a 404', () => {
    const markup = renderToStaticMarkup(<ErrorPage statusCode={404} retryHref="/register" />);
    expect(markup).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
  });
});
