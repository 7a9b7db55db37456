import { describe, expect, it } from 'vitest';
import { importPayloadSchema, readImportPayload } from './import';

const risk = {
  ref: 'I11',
  category: 'inherent',
  dateIdentified: '2018-05-04',
  event: 'An event',
  consequences: ['A consequence'],
  impactAreas: ['Financial'],
  mitigations: ['A mitigation'],
  likelihood: 2,
  control: 3,
  impact: 4,
  score: 24,
  dateReviewed: '2018-05-04',
  summary: 'NEW',
  summaryDirection: 'new',
  previousScore: null,
  reason: null,
  line: 1,
};

describe('a previewed register coming back to be applied', () => {
  it('is read back when its days are real, past and in order', () => {
    expect(readImportPayload({ payload: JSON.stringify([risk]) })).toMatchObject({ ok: true });
  });

  // Each of these was stored before, and one impossible day made every page that reads the register a 500.
  it.each([
    ['an impossible day', { dateReviewed: '2026-02-31' }],
    ['a day with no month', { dateReviewed: '0000-00-00' }],
    ['a future review', { dateReviewed: '2999-12-31' }],
    ['a risk identified in the future', { dateIdentified: '2100-01-01', dateReviewed: '2100-01-02' }],
    ['a review dated before the risk was identified', { dateIdentified: '2018-05-04', dateReviewed: '1900-01-01' }],
  ])('refuses %s', (_, change) => {
    expect(importPayloadSchema.safeParse([{ ...risk, ...change }]).success).toBe(false);
    expect(readImportPayload({ payload: JSON.stringify([{ ...risk, ...change }]) })).toMatchObject({ ok: false });
  });
});
