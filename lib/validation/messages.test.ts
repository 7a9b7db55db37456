import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './messages';
import { fieldLabel } from './messages';

const message = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : result.error.issues.map((i) => i.message);
};

describe('plain messages for what a schema does not word itself', () => {
  it.each([
    [z.object({ reason: z.string() }), {}, ['Enter reason']],
    [z.object({ likelihood: z.number() }), { likelihood: 'three' }, ['Likelihood must be a number']],
    [z.object({ note: z.string().max(10) }), { note: 'x'.repeat(11) }, ['Note must be 10 characters or fewer']],
    [z.object({ forum: z.enum(['cmb', 'jiac']) }), { forum: 'x' }, ['Choose one of the options for forum']],
    [z.object({ 'reviewedOn-day': z.string().min(1) }), { 'reviewedOn-day': '' }, ['Enter reviewed on day']],
    [z.object({ score: z.number().int() }), { score: 2.5 }, ['Score must be a whole number']],
    [z.object({ version: z.coerce.number().int().positive() }), { version: '0' }, ['Version must be more than 0']],
  ] as const)('%#', (schema, input, expected) => {
    expect(message(schema as z.ZodType, input)).toEqual(expected);
  });

  it('a message the schema gives itself is kept', () => {
    expect(message(z.object({ reason: z.string({ error: 'Enter why the score changed' }) }), {})).toEqual(['Enter why the score changed']);
  });

  it('labels fields from their names', () => {
    expect([fieldLabel(['signOffName']), fieldLabel(['risk-I1']), fieldLabel([]), fieldLabel(['items', 0])]).toEqual([
      'sign off name',
      'risk I1',
      'this answer',
      'this answer',
    ]);
  });
});
