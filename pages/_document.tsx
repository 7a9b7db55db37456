import { Head, Html, Main, NextScript } from 'next/document';
import { SERVICE_DESCRIPTION, THEME_COLOUR } from '@/components/page-chrome';

/** The GOV.UK page template's html and body, as app/layout.tsx renders them for App Router pages. */
export default function Document() {
  return (
    <Html lang="en-GB" className="govuk-template">
      <Head>
        <meta name="description" content={SERVICE_DESCRIPTION} />
        <meta name="theme-color" content={THEME_COLOUR} />
      </Head>
      <body className="govuk-template__body">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
