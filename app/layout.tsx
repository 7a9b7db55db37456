import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/govuk/site-footer';
import { SiteHeader } from '@/components/govuk/site-header';
import './globals.scss';

export const metadata: Metadata = {
  title: { default: 'Risk register', template: '%s – Risk register – OPCC' },
  description: 'The Police and Crime Commissioner’s dynamic risk register and action tracker',
};

export const viewport: Viewport = { themeColor: '#0b0c0c' };

const NAV_ITEMS = [
  { href: '/register', text: 'Register' },
  { href: '/reviews', text: 'Reviews due' },
  { href: '/risks/archived', text: 'Archived risks' },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <SiteHeader organisation="Office of the Police and Crime Commissioner" serviceName="Risk register" items={NAV_ITEMS} />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
