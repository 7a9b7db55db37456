import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/govuk/site-footer';
import { SiteHeader } from '@/components/govuk/site-header';
import { can, type Permission } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import './globals.scss';

export const metadata: Metadata = {
  title: { default: 'Risk register', template: '%s – Risk register – OPCC' },
  description: 'The Police and Crime Commissioner’s dynamic risk register and action tracker',
};

export const viewport: Viewport = { themeColor: '#0b0c0c' };

const NAV_ITEMS: Array<{ href: string; text: string; permission: Permission }> = [
  { href: '/dashboard', text: 'Dashboard', permission: 'register:read' },
  { href: '/register', text: 'Register', permission: 'register:read' },
  { href: '/reviews', text: 'Reviews due', permission: 'register:read' },
  { href: '/risks/archived', text: 'Archived risks', permission: 'register:read' },
  { href: '/snapshots', text: 'Snapshots', permission: 'report:read' },
  { href: '/inspections', text: 'Inspections', permission: 'inspection:read' },
  { href: '/actions', text: 'Actions', permission: 'action:read' },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const items = user ? NAV_ITEMS.filter((item) => can(user.role, item.permission)).map(({ href, text }) => ({ href, text })) : [];
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <SiteHeader organisation="Office of the Police and Crime Commissioner" serviceName="Risk register" items={items} />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
