import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/govuk/site-footer';
import { SiteHeader } from '@/components/govuk/site-header';
import type { NavItem } from '@/lib/navigation';

/** What every page's head says of the service, for the App Router's metadata and pages/_document.tsx alike. */
export const SERVICE_DESCRIPTION = 'The Police and Crime Commissioner’s dynamic risk register and action tracker';
export const THEME_COLOUR = '#0b0c0c';

/**
 * Everything around a page's content: skip link, header with the service navigation, footer. Rendered
 * by the root layout for App Router pages and by the register page (pages/register.tsx), which is
 * served without JavaScript.
 */
export function PageChrome({ items, children }: { items: NavItem[]; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <SiteHeader organisation="Office of the Police and Crime Commissioner" serviceName="Risk register" items={items} />
      {children}
      <SiteFooter />
    </>
  );
}
