'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

import type { NavItem } from '@/lib/navigation';

/** Service navigation items, marking the section the reader is in. */
export function ServiceNavList({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <ul className="govuk-service-navigation__list" id="navigation">
      {items.map((item) => {
        const current =
          pathname === item.href ||
          pathname.startsWith(`${item.href}/`) ||
          (item.href === '/register' && pathname.startsWith('/risks/') && !pathname.startsWith('/risks/archived'));
        return (
          <li key={item.href} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
            <Link className="govuk-service-navigation__link" href={item.href} aria-current={current ? 'page' : undefined}>
              {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
