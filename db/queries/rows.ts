/**
 * Whole rows of one table, read as arrays and made into objects by a mapper built once per table.
 * drizzle's `select().from(table)` builds its SQL again on every call and maps each value of each row
 * through generic type checks; for the review history on a risk's page, which every saved review renders
 * again (120 rows of 16 columns at ten years), that was most of the query's time. The rows are the same objects
 * drizzle returns (`$inferSelect`), values decoded by each column's own mapping where it has one.
 */
import { Column, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';

type Reader = { columns: SQL; map: (values: unknown[]) => Record<string, unknown> };

const readers = new WeakMap<SQLiteTable, Reader>();

/** How to read a table's rows as arrays and map them to drizzle's objects; built once per table. */
export function readerFor(table: SQLiteTable): Reader {
  const known = readers.get(table);
  if (known) return known;
  const entries = Object.entries(getTableColumns(table));
  const keys = entries.map(([key]) => key);
  const decoders = entries.map(([, column]) => (column.mapFromDriverValue === Column.prototype.mapFromDriverValue ? null : column));
  const reader: Reader = {
    columns: sql.join(
      entries.map(([, column]) => sql.identifier(column.name)),
      sql`, `,
    ),
    map(values) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = values[i];
        const decoder = decoders[i];
        row[keys[i]!] = value === null || !decoder ? value : decoder.mapFromDriverValue(value);
      }
      return row;
    },
  };
  readers.set(table, reader);
  return reader;
}

/** `SELECT * FROM table WHERE … ORDER BY …` as drizzle's row objects. `where` and `orderBy` are SQL fragments. */
export function selectRows<T extends SQLiteTable>(db: Db, table: T, where: SQL, orderBy?: SQL): Array<T['$inferSelect']> {
  const reader = readerFor(table);
  const query = sql`SELECT ${reader.columns} FROM ${table} WHERE ${where}${orderBy ? sql` ORDER BY ${orderBy}` : sql``}`;
  return db.values<unknown[]>(query).map(reader.map) as Array<T['$inferSelect']>;
}
