import Link from 'next/link';
import type { NavItem } from '@/lib/navigation';
import { ServiceNavList } from './service-nav-list';

/** Generic header (no crown: this service is not on GOV.UK) followed by service navigation. */
export function SiteHeader({ organisation, serviceName, items }: { organisation: string; serviceName: string; items: NavItem[] }) {
  return (
    <header>
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link href="/" className="govuk-generic-header__homepage-link">
              {organisation}
            </Link>
          </div>
        </div>
      </div>
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link href="/register" className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            </span>
            {items.length ? (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ServiceNavList items={items} />
              </nav>
            ) : null}
          </div>
        </div>
      </section>
    </header>
  );
}
