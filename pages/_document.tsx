import { Head, Html, Main, NextScript } from 'next/document';

/** The GOV.UK page template's html and body, as app/layout.tsx renders them for App Router pages. */
export default function Document() {
  return (
    <Html lang="en-GB" className="govuk-template">
      <Head>
        <meta name="description" content="The Police and Crime Commissioner’s dynamic risk register and action tracker" />
        <meta name="theme-color" content="#0b0c0c" />
      </Head>
      <body className="govuk-template__body">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
