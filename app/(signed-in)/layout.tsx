import type { ReactNode } from 'react';
import { AccountBar } from '@/components/account-bar';
import { requireUser } from '@/lib/auth/session';

/** Every page in here needs a signed-in user; each page checks its own permission too. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AccountBar user={user} />
      {children}
    </>
  );
}
