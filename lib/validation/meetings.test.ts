import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confirmedCommitmentSchema } from './meetings';

const fields = { what: 'A report on stress related absences', givenBy: 'The Panel', ownerId: '4', dueMeeting: '', dueOn: '', riskRef: '' };
const errors = (input: Record<string, string>) => {
  const parsed = confirmedCommitmentSchema(3, '2018-03-22').safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('a commitment confirmed from a minutes preview', () => {
  it('is due at a later meeting (on its day) or by a day typed in any of the usual ways', () => {
    expect(confirmedCommitmentSchema(3, '2018-03-22').parse({ ...fields, dueMeeting: '2018-09-27' })).toMatchObject({
      dueMeeting: '2018-09-27',
      dueOn: undefined,
      ownerId: 4,
    });
    expect(confirmedCommitmentSchema(3, '2018-03-22').parse({ ...fields, dueOn: '14/6/2018' })).toMatchObject({ dueMeeting: null, dueOn: '2018-06-14' });
  });

  it('names every missing or impossible answer at once, by the commitment’s number', () => {
    expect(errors({ ...fields, what: ' ', ownerId: '' })).toEqual({
      what: ['Enter what commitment 3 promises'],
      ownerId: ['Select the owner of commitment 3'],
      dueOn: ['Enter when commitment 3 is due, or select the meeting it is due at'],
    });
    expect(errors({ ...fields, dueOn: '31/2/2018' })).toEqual({
      dueOn: ['The due date of commitment 3 must be a real date, like 27/9/2018 or 27 September 2018'],
    });
    expect(errors({ ...fields, dueMeeting: '2018-03-01' })).toEqual({ dueMeeting: ['Select a later meeting for commitment 3'] });
    expect(errors({ ...fields, dueOn: '1/7/2018', what: 'x'.repeat(501) })).toEqual({ what: ['What commitment 3 promises must be 500 characters or fewer'] });
  });
});
