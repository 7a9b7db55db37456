'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

import type { NavItem } from '@/lib/navigation';

/** GOV.UK's breakpoint between the collapsed menu and the full navigation row. */
const DESKTOP = '(min-width: 40.0625em)';

/**
 * Service navigation items, marking the section the reader is in. On a small screen the list collapses
 * behind GOV.UK's "Menu" button, as govuk-frontend's service navigation does; without JavaScript (and
 * before hydration) the button stays hidden and the whole list shows.
 */
export function ServiceNavList({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? '/';
  const [small, setSmall] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(DESKTOP);
    const update = () => setSmall(!query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return (
    <>
      <button
        type="button"
        className="govuk-service-navigation__toggle"
        aria-controls="navigation"
        aria-expanded={small ? open : undefined}
        hidden={!small}
        onClick={() => setOpen((was) => !was)}
      >
        Menu
      </button>
      <ul className="govuk-service-navigation__list" id="navigation" hidden={small && !open}>
        {items.map((item) => {
          const current =
            pathname === item.href ||
            pathname.startsWith(`${item.href}/`) ||
            (item.href === '/register' && pathname.startsWith('/risks/') && !pathname.startsWith('/risks/archived'));
          return (
            <li key={item.href} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
              <Link
                className="govuk-service-navigation__link"
                href={item.href}
                aria-current={current ? 'page' : undefined}
                // A followed link closes the menu: the layout, and so this list, stays mounted across pages.
                onClick={() => setOpen(false)}
              >
                {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
