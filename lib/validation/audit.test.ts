import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pageItems } from '@/components/govuk/pagination';
import { AUDIT_ACTION_LABEL, actionLabel, recordLabel } from '@/lib/domain/audit-labels';
import { auditFilterSchema } from './audit';

const ROOT = path.join(__dirname, '..', '..');

const errors = (query: Record<string, string>) => {
  const parsed = auditFilterSchema.safeParse(query);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('the audit log’s filters', () => {
  it('take empty boxes as no filter, and a page number', () => {
    expect(auditFilterSchema.parse({ entityType: '', action: '', actor: ' ', from: '', to: '' })).toEqual({ page: 1 });
    expect(auditFilterSchema.parse({ action: 'review.record', from: '2026-02-28', page: '3' })).toEqual({
      action: 'review.record',
      from: '2026-02-28',
      page: 3,
    });
  });

  it('name each problem against its field, in words', () => {
    expect(errors({ from: '2025-02-30' })).toEqual({ from: ['From must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04'] });
    expect(errors({ to: '31/02/2025' })).toEqual({ to: ['To must be a real date, like 4/5/2018, 4 May 2018 or 2018-05-04'] });
    // A day is taken as people write it, and kept as YYYY-MM-DD.
    expect(auditFilterSchema.parse({ from: '31/01/2025', to: '1 February 2025' })).toMatchObject({ from: '2025-01-31', to: '2025-02-01' });
    expect(errors({ from: '2025-03-01', to: '2025-01-01' })).toEqual({ to: ['To must be the same as or after From'] });
    expect(errors({ page: 'two' })).toEqual({ page: ['Page must be a whole number'] });
    expect(errors({ page: '0' })).toEqual({ page: ['Page must be 1 or more'] });
    expect(errors({ actor: 'x'.repeat(101) })).toEqual({ actor: ['Who must be 100 characters or fewer'] });
  });
});

describe('the audit log in words', () => {
  it('labels every change code and record type, and shows an unknown one as it is', () => {
    expect(actionLabel('review.correct')).toBe('Review corrected');
    expect(actionLabel('action.revise-due')).toBe('Action due date revised');
    expect(recordLabel('covering_report')).toBe('Covering report');
    expect(actionLabel('something.new')).toBe('something.new');
    for (const label of Object.values(AUDIT_ACTION_LABEL)) expect(label).toMatch(/^[A-Z][a-z’ ,()-]+/i);
  });

  it('has a label for every change the service writes to the log', () => {
    const files = fs.readdirSync(path.join(ROOT, 'db'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const codes = new Set<string>();
    for (const file of files)
      for (const m of fs.readFileSync(path.join(ROOT, 'db', file), 'utf8').matchAll(/(?:action: |_ACTION = )'([a-z0-9.-]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((code) => !(code in AUDIT_ACTION_LABEL))).toEqual([]);
  });
});

describe('pagination', () => {
  it('shows the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 3)).toEqual([1, 2, 3]);
    expect(pageItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageItems(10, 10)).toEqual([1, null, 9, 10]);
  });
});
