import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/govuk/site-footer';
import { SiteHeader } from '@/components/govuk/site-header';
import type { NavItem } from '@/lib/navigation';

/** What every page's head says of the service, for the App Router's metadata and pages/_document.tsx alike. */
export const SERVICE_DESCRIPTION = 'The Police and Crime Commissioner’s dynamic risk register and action tracker';
export const THEME_COLOUR = '#0b0c0c';

/**
 * Everything around a page's content: skip link, header with the service navigation, a banner while demo
 * accounts exist, footer. Rendered by the root layout.
 */
export function PageChrome({ items, demo = false, children }: { items: NavItem[]; demo?: boolean; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <SiteHeader organisation="Office of the Police and Crime Commissioner" serviceName="Risk register" items={items} />
      {demo ? <DemoBanner /> : null}
      {children}
      <SiteFooter />
    </>
  );
}

/**
 * On every page while the demo accounts are active: the service holds demonstration data, and accounts
 * whose password is published (it works only when the service runs on this computer).
 */
export function DemoBanner() {
  return (
    <div className="govuk-width-container">
      <div className="govuk-phase-banner" data-testid="demo-banner">
        <p className="govuk-phase-banner__content">
          <strong className="govuk-tag govuk-phase-banner__content__tag">Demo</strong>
          <span className="govuk-phase-banner__text">
            This register holds demonstration data and demonstration accounts with a published password, which signs in only on this computer. Do not record
            real information here.
          </span>
        </p>
      </div>
    </div>
  );
}
