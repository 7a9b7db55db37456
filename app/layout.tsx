import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { PageChrome, SERVICE_DESCRIPTION, THEME_COLOUR } from '@/components/page-chrome';
import { getDb } from '@/db/client';
import { activeDemoAccounts } from '@/db/queries/users';
import { getSessionUser } from '@/lib/auth/session';
import { navItemsFor } from '@/lib/navigation';
import './globals.scss';

export const metadata: Metadata = {
  title: { default: 'Risk register', template: '%s – Risk register – OPCC' },
  description: SERVICE_DESCRIPTION,
};

export const viewport: Viewport = { themeColor: THEME_COLOUR };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <PageChrome items={navItemsFor(user?.role)} demo={activeDemoAccounts(getDb()) > 0}>
          {children}
        </PageChrome>
      </body>
    </html>
  );
}
