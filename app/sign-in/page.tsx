import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { oidcConfig } from '@/lib/auth/config';
import { INVALID_MESSAGE } from '@/lib/auth/credentials';
import { getSessionUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/validation/sign-in';
import { SignInForm } from './sign-in-form';
import { SuccessBanner } from '@/components/govuk/success-banner';

export const metadata: Metadata = { title: 'Sign in' };

/** Messages for next-auth's error codes when it sends a browser back here. */
const ERRORS: Record<string, string> = {
  CredentialsSignin: INVALID_MESSAGE,
  Locked: 'Too many failed attempts: wait a while before trying again, or ask the register’s administrator to reset your password.',
  AccessDenied: 'Your organisation account is not registered for this service. Ask the register’s administrator to add you.',
  SessionRequired: 'Sign in to continue',
};
const GENERIC_ERROR = 'Sign-in did not complete. Try again.';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackUrl(first(query.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl);
  const code = first(query.error);
  const error = code ? (ERRORS[code] ?? GENERIC_ERROR) : undefined;
  const oidc = oidcConfig();

  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {first(query.signedOut) ? <SuccessBanner id="signed-out-title">You have signed out.</SuccessBanner> : null}
            <h1 className="govuk-heading-l">Sign in to the risk register</h1>
            <p className="govuk-body">The register holds sensitive governance information. Sign in with the account the office gave you.</p>
            {oidc ? (
              <>
                <a
                  href={`/sign-in/oidc?callbackUrl=${encodeURIComponent(callbackUrl)}`}
                  className="govuk-button govuk-button--secondary"
                  role="button"
                  draggable={false}
                >
                  Sign in with {oidc.name}
                </a>
                <p className="govuk-body">Or sign in with your email address and password.</p>
              </>
            ) : null}
            <SignInForm callbackUrl={callbackUrl} initialError={error} />
          </div>
        </div>
      </main>
    </div>
  );
}
