import Link from 'next/link';

/** The page numbers to show: the first, the last, and the current page with its neighbours; null is a gap. */
export function pageItems(current: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

/** GOV.UK pagination: previous and next links and the page numbers, each a link built by `href`. */
export function Pagination({ current, pages, href, label }: { current: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" href={href(current - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(current, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={n} className={`govuk-pagination__item${n === current ? ' govuk-pagination__item--current' : ''}`}>
              <Link className="govuk-link govuk-pagination__link" href={href(n)} aria-label={`Page ${n}`} aria-current={n === current ? 'page' : undefined}>
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" href={href(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
