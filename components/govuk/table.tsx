import { useId, type ComponentProps, type ReactNode } from 'react';

export type Column = {
  /** The header cell's content; null for an empty corner cell above a column of row headers. */
  header: ReactNode;
  /** Right-aligned figures, as GOV.UK's `format: "numeric"`. */
  numeric?: boolean;
  className?: string;
};

type TableProps = Omit<ComponentProps<'table'>, 'children'> & {
  caption?: ReactNode;
  captionSize?: 's' | 'm' | 'l';
  /** An id for the caption, for a section labelled by it. */
  captionId?: string;
  columns: Column[];
  /** The body rows: `Row`s of `Cell`s (and a `RowHeader` where a row has one). */
  children: ReactNode;
};

function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * GOV.UK table: caption, a header row from `columns`, and the rows given. A captioned table sits in its own
 * scroll region, named by its caption and reachable by keyboard, so a table wider than the screen scrolls
 * by itself and the page reflows (WCAG 2.2 1.4.10) instead of scrolling sideways as a whole.
 */
export function Table({ caption, captionSize, captionId, columns, children, className, ...rest }: TableProps) {
  const generatedId = useId();
  const labelId = captionId ?? `${generatedId}caption`;
  const table = (
    <table className={classes('govuk-table', className)} {...rest}>
      {caption ? (
        <caption className={classes('govuk-table__caption', captionSize && `govuk-table__caption--${captionSize}`)} id={labelId}>
          {caption}
        </caption>
      ) : null}
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, index) =>
            column.header === null ? (
              <td key={index} className="govuk-table__header" />
            ) : (
              <th key={index} scope="col" className={classes('govuk-table__header', column.numeric && 'govuk-table__header--numeric', column.className)}>
                {column.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">{children}</tbody>
    </table>
  );
  if (!caption) return table;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={labelId} tabIndex={0}>
      {table}
    </div>
  );
}

/** A body row. */
export function Row({ className, ...rest }: ComponentProps<'tr'>) {
  return <tr className={classes('govuk-table__row', className)} {...rest} />;
}

/** A body cell; `numeric` right-aligns a figure. */
export function Cell({ numeric, className, ...rest }: ComponentProps<'td'> & { numeric?: boolean }) {
  return <td className={classes('govuk-table__cell', numeric && 'govuk-table__cell--numeric', className)} {...rest} />;
}

/** The cell that heads its row (a risk's ref, a person's name). */
export function RowHeader({ className, ...rest }: ComponentProps<'th'>) {
  return <th scope="row" className={classes('govuk-table__header', className)} {...rest} />;
}
