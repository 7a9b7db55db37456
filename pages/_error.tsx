import type { NextPageContext, PageConfig } from 'next';
import Head from 'next/head';
import NotFound from '@/app/not-found';
import { PageChrome } from '@/components/page-chrome';
import { ServiceProblem } from '@/components/service-problem';

type Props = { statusCode: number; retryHref: string };

/** Errors on the Pages Router page (the register): the same GOV.UK pages as app/error.tsx and app/not-found.tsx. */
function ErrorPage({ statusCode, retryHref }: Props) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{statusCode === 404 ? 'Page not found – Risk register – OPCC' : 'Sorry, there is a problem with the service – Risk register – OPCC'}</title>
      </Head>
      <PageChrome items={[]}>{statusCode === 404 ? <NotFound /> : <ServiceProblem retryHref={retryHref} />}</PageChrome>
    </>
  );
}

ErrorPage.getInitialProps = ({ res, err, asPath }: NextPageContext): Props => {
  const statusCode = res?.statusCode ?? err?.statusCode ?? 404;
  const path = asPath ?? '/register';
  return { statusCode, retryHref: path.startsWith('/') && !path.startsWith('//') ? path : '/register' };
};

export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

export default ErrorPage;
