import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Tag } from '@/components/govuk/tag';
import { AppetiteFlag, BandTag, DirectionText, dueText, STATUS_COLOUR } from '@/components/risk-tags';
import { REVIEW_STATUS_LABEL } from '@/lib/domain/review-due';
import { packedReviewHistoryRows, reviewHistoryRowsHtml } from '@/components/review-history-table';
import { unpackHtml } from '@/lib/html';
import type { Db } from '@/db/client';
import { getLiveRegister, getRiskByRef, type HistoryEntry, type RegisterRow } from '@/db/queries/risks';
import { openDemoTestDatabase } from '@/db/test-database';
import { formatDay } from '@/lib/domain/dates';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { registerRowsHtml } from './register-table';

let db: Db;
let close: () => void;
beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('register-table-'));
});
afterEach(() => close());

/** The rows as React rendered them before they became a string: the reference the string must match. */
function ReactRow({ row, overdue, asAt }: { row: RegisterRow; overdue: boolean; asAt?: string }) {
  // The compact markup of the register's rows: no attributes on cells, styles by position (globals.scss).
  return (
    <tr data-ref={row.ref}>
      <th scope="row">
        <a className="govuk-link" href={asAt ? `/risks/${row.ref}?asAt=${asAt}` : `/risks/${row.ref}`}>{row.ref}</a>
      </th>
      <td>{formatDay(row.dateIdentified)}</td>
      <td>{row.event}</td>
      <td>
        <ul>{row.impactAreas.map((area) => <li key={area}>{area}</li>)}</ul>
      </td>
      <td>{row.latest.likelihood ?? '–'}</td>
      <td>{row.latest.control ?? '–'}</td>
      <td>{row.latest.impact ?? '–'}</td>
      <td>{row.latest.score}</td>
      <td><BandTag band={row.band} /></td>
      <td>{row.atOrAboveAppetite ? <AppetiteFlag outside /> : 'Within appetite'}</td>
      <td>{formatDay(row.latest.reviewedOn, row.latest.reviewedOnNote ? 'Date not recorded' : 'Not recorded')}</td>
      <td>{row.latest.summary}</td>
      <td>{row.owner ? row.owner.name : <span className="app-unassigned">Unassigned</span>}</td>
      <td>
        <Tag colour={STATUS_COLOUR[row.due.status]}>{REVIEW_STATUS_LABEL[row.due.status]}</Tag>
        <br />
        {dueText(row.due)}
        {overdue ? (<><br /><Tag colour="red">Action overdue</Tag></>) : null}
      </td>
    </tr>
  );
}

const normalise = (markup: string) =>
  markup
    .replace(/<br\/>/g, '<br>')
    .replace(/&#x27;/g, '&#39;')
    .replace(/(<[^>]*>)/g, (tag) => tag.replace(/="([^"]*)"/g, "='$1'"));

it('the register rows rendered as a string are the markup React renders for them, escaping included', () => {
  const { all } = getLiveRegister(db, '2026-11-24');
  // Text that must be escaped, in every kind of cell that shows free text.
  const rows = all.map((row, i) => (i === 0 ? { ...row, event: `<script>alert("x")</script> & 'q'`, owner: { id: 1, name: '<b>Owner</b>' } } : row));
  const overdue = new Set([all[1]!.id]);
  // The string leaves out the end tags HTML makes optional (td, th, tr, li); the browser builds the same table.
  const withoutOptionalEndTags = (markup: string) => markup.replace(/<\/(td|th|tr|li)>/g, '');
  for (const asAt of [undefined, '2018-05-04']) {
    const expected = rows.map((row) => renderToStaticMarkup(<ReactRow row={row} overdue={overdue.has(row.id)} asAt={asAt} />)).join('');
    expect(registerRowsHtml(rows, overdue, asAt)).toBe(withoutOptionalEndTags(normalise(expected)));
  }
  expect(registerRowsHtml(rows)).not.toContain('<script>');
});

function ReactHistoryRow({ entry }: { entry: HistoryEntry }) {
  return (
    <tr data-sequence={entry.sequence}>
      <td data-col="date">
        {entry.reviewedOn ? <span className="app-nowrap">{formatDay(entry.reviewedOn)}</span> : <>Date not recorded{entry.reviewedOnNote ? <span className="govuk-body-s"><br />{entry.reviewedOnNote}</span> : null}</>}
      </td>
      <td data-col="forum">{FORUM_LABEL[entry.forum]}</td>
      <td data-col="likelihood">{entry.likelihood ?? 'Not recorded'}</td>
      <td data-col="control">{entry.control ?? 'Not recorded'}</td>
      <td data-col="impact">{entry.impact ?? 'Not recorded'}</td>
      <td data-col="score">{entry.score}</td>
      <td data-col="band"><BandTag band={entry.band} /></td>
      <td data-col="direction"><DirectionText direction={entry.direction} previousScore={entry.previousScore} /></td>
      <td data-col="previous-score">{entry.previousScore ?? '–'}</td>
      <td data-col="reason">{entry.reason ?? (entry.direction === 'new' ? 'First review on record' : '')}</td>
    </tr>
  );
}

it('a risk’s review history rendered as a string is the markup React renders for it (undated imported reviews and escaping included)', () => {
  for (const ref of ['I1', 'I9', 'T7']) {
    const history = [...getRiskByRef(db, ref, '2026-11-24')!.history].reverse();
    const tampered = history.map((entry, i) => (i === 0 ? { ...entry, reason: `<img src=x onerror="alert(1)"> & 'q'` } : entry));
    const expected = tampered.map((entry) => renderToStaticMarkup(<ReactHistoryRow entry={entry} />)).join('');
    expect(reviewHistoryRowsHtml(tampered)).toBe(normalise(expected));
    expect(unpackHtml(packedReviewHistoryRows(tampered))).toBe(normalise(expected));
    expect(unpackHtml(packedReviewHistoryRows(tampered))).toBe(normalise(expected)); // again, from the kept rows
    if (ref === 'I1') expect(history.some((e) => e.reviewedOn === null)).toBe(true);
  }
});
