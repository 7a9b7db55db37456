import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { reviewHistoryRows } from '@/components/review-history-rows';
import { ReviewHistoryTable } from '@/components/review-history-table';
import type { Db } from '@/db/client';
import { getLiveRegister, getRiskByRef } from '@/db/queries/risks';
import { openDemoTestDatabase } from '@/db/test-database';
import { RegisterTable } from './register-table';
import { registerTableRows } from './register-table-rows';

let db: Db;
let close: () => void;
beforeEach(() => {
  ({ db, close } = openDemoTestDatabase('register-table-'));
});
afterEach(() => close());

/** The text of the cell in a row's column, from rendered markup. */
function cell(markup: string, ref: string, col: string): string {
  const row = markup.split('<tr').find((r) => r.includes(`data-ref="${ref}"`))!;
  const match = new RegExp(`data-col="${col}"[^>]*>(.*?)</td>`).exec(row);
  return (match?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

it('renders each risk as a row of GOV.UK table cells, the band and appetite in words', () => {
  const { all, settings } = getLiveRegister(db, '2026-11-24');
  const inherent = all.filter((row) => row.category === 'inherent');
  const markup = renderToStaticMarkup(<RegisterTable category="inherent" rows={registerTableRows(inherent, new Set([inherent[1]!.id]))} settings={settings} />);
  expect(markup).toContain(`Inherent risks (${inherent.length})`);
  expect(markup.match(/<tr class="govuk-table__row" data-ref=/g)).toHaveLength(inherent.length);
  const i1 = inherent.find((row) => row.ref === 'I1')!;
  expect(cell(markup, 'I1', 'score')).toBe(String(i1.latest.score));
  expect(cell(markup, 'I1', 'band')).toMatch(/^(Minor|Acceptable|Moderate|High)/);
  expect(cell(markup, 'I1', 'appetite')).toBe(i1.atOrAboveAppetite ? 'Outside appetite' : 'Within appetite');
  expect(cell(markup, inherent[1]!.ref, 'review-status')).toContain('Action overdue');
  expect(cell(markup, 'I1', 'review-status')).not.toContain('Action overdue');
  expect(markup).toContain('href="/risks/I1"');
});

it('escapes free text and links as at a day', () => {
  const { all, settings } = getLiveRegister(db, '2026-11-24');
  const rows = [{ ...all[0]!, event: `<script>alert("x")</script> & 'q'`, owner: { id: 1, name: '<b>Owner</b>' } }];
  const markup = renderToStaticMarkup(
    <RegisterTable category={rows[0]!.category} rows={registerTableRows(rows, new Set())} settings={settings} asAt="2018-05-04" />,
  );
  expect(markup).not.toContain('<script>');
  expect(markup).not.toContain('<b>Owner');
  expect(markup).toContain('&lt;script&gt;');
  expect(markup).toContain(`href="/risks/${rows[0]!.ref}?asAt=2018-05-04"`);
});

it('shows a review history with undated imported reviews explained', () => {
  const history = [...getRiskByRef(db, 'I1', '2026-11-24')!.history].reverse();
  const undated = history.find((entry) => entry.reviewedOn === null)!;
  expect(undated).toBeDefined();
  const markup = renderToStaticMarkup(<ReviewHistoryTable history={reviewHistoryRows(history)} />);
  expect(markup).toContain(`${history.length} reviews, newest first`);
  expect(markup.match(/<tr class="govuk-table__row" data-sequence=/g)).toHaveLength(history.length);
  expect(markup).toContain('Date not recorded');
  if (undated.reviewedOnNote) expect(markup).toContain(undated.reviewedOnNote.replace(/'/g, '&#x27;'));
});
