import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDateInput } from './date-input';
import { makeReviewFormSchema } from './review';

const today = '2026-11-24';
const schema = makeReviewFormSchema(() => today);

/** The form as authedAction reads it: the data, or each field's errors. */
function parseReviewForm(values: Record<string, unknown>) {
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true as const, data: result.data }
    : { ok: false as const, fieldErrors: z.flattenError(result.error).fieldErrors as Record<string, string[]> };
}

const valid = {
  ref: 'I1',
  version: '3',
  'reviewedOn-day': '24',
  'reviewedOn-month': '11',
  'reviewedOn-year': '2026',
  forum: 'monthly',
  likelihood: '4',
  control: '2',
  impact: '4',
  reason: 'more demand',
  event: 'An event',
  consequences: 'One\n• Two\n\n',
  impactAreas: ['Reputational', 'Legal'],
  ownerId: '',
  'mitigation-7-text': 'Kept',
  'mitigation-7-owner': '2',
  'mitigation-8-text': 'Gone',
  'mitigation-8-retire': 'yes',
  newMitigations: 'Added one\nAdded two',
  newMitigationsOwnerId: '',
};

describe('the review form schema', () => {
  it('reads a full review', () => {
    const result = parseReviewForm(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      version: 3,
      reviewedOn: '2026-11-24',
      forum: 'monthly',
      likelihood: 4,
      control: 2,
      impact: 4,
      consequences: ['One', 'Two'],
      impactAreas: ['Reputational', 'Legal'],
      ownerId: null,
      newMitigations: ['Added one', 'Added two'],
      mitigations: [
        { id: 7, text: 'Kept', ownerId: 2, retire: false },
        { id: 8, text: 'Gone', ownerId: null, retire: true },
      ],
    });
  });

  it.each([
    ['likelihood', '0', 'Select a likelihood score from 1 to 4'],
    ['likelihood', '5', 'Select a likelihood score from 1 to 4'],
    ['control', '2.5', 'Select a control score from 1 to 4'],
    ['impact', 'high', 'Select an impact score from 1 to 4'],
    ['impact', '', 'Select an impact score from 1 to 4'],
    ['forum', 'pub', 'Select the forum that reviewed the risk'],
    ['event', '   ', 'Enter the event'],
    ['consequences', '', 'Enter at least one consequence'],
    ['impactAreas', [], 'Select at least one main impact area'],
    ['impactAreas', ['Weather'], 'Select impact areas from the list'],
  ])('%s = %j → %s', (field, value, message) => {
    const result = parseReviewForm({ ...valid, [field]: value as string });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]?.[0]).toBe(message);
  });

  it('refuses a review date in the future', () => {
    const result = parseReviewForm({ ...valid, 'reviewedOn-day': '25' });
    expect(result.ok === false && result.fieldErrors.reviewedOn).toEqual(['The review date must be today or in the past']);
  });

  it('refuses an emptied mitigation that is not retired, alongside the other fields’ errors', () => {
    const result = parseReviewForm({ ...valid, 'mitigation-7-text': ' ', likelihood: '' });
    expect(result.ok === false && result.fieldErrors['mitigation-7-text']).toEqual(['Enter the mitigation, or tick “Retire” to remove it']);
    expect(result.ok === false && result.fieldErrors.likelihood).toEqual(['Select a likelihood score from 1 to 4']);
  });

  it('names the risk, the intent and where to go back to', () => {
    const result = parseReviewForm({ ...valid, intent: 'check', returnTo: 'monthly', proposalId: '4' });
    expect(result.ok && result.data).toMatchObject({ ref: 'I1', intent: 'check', returnTo: 'monthly', proposalId: 4 });
    expect(parseReviewForm({ ...valid, ref: 'X1' })).toMatchObject({ ok: false, fieldErrors: { ref: ['This risk could not be found'] } });
  });
});

describe('readDateInput', () => {
  it.each([
    [{}, 'Enter the review date'],
    [{ 'd-day': '4', 'd-month': '5' }, 'The review date must include a year'],
    [{ 'd-day': '31', 'd-month': '2', 'd-year': '2018' }, 'The review date must be a real date, like 4 5 2018'],
    [{ 'd-day': 'x', 'd-month': '2', 'd-year': '2018' }, 'The review date must be a real date, like 4 5 2018'],
    [{ 'd-day': '4', 'd-month': '5', 'd-year': '18' }, 'The review date must be a real date, like 4 5 2018'],
  ])('%j → %s', (values, error) => {
    expect(readDateInput(values, 'd', 'review date')).toEqual({ error });
  });

  it('reads a real day', () => {
    expect(readDateInput({ 'd-day': '4', 'd-month': '5', 'd-year': '2018' }, 'd', 'review date', { notAfter: today })).toEqual({ day: '2018-05-04' });
  });
});
