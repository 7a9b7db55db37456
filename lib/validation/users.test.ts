import { describe, expect, it } from 'vitest';
import { addUserSchema, changeOwnPasswordSchema, updateUserSchema } from './users';

const errors = (result: { success: boolean; error?: { flatten(): { fieldErrors: unknown } } }) => result.error?.flatten().fieldErrors;

describe('user forms', () => {
  it('names every missing field of a new user', () => {
    expect(errors(addUserSchema.safeParse({}))).toEqual({
      name: ['Enter a full name'],
      email: ['Enter an email address'],
      role: ['Select a role'],
      password: ['Enter a password'],
    });
  });

  it('refuses a short password and an unknown role', () => {
    expect(errors(addUserSchema.safeParse({ name: 'A', email: 'a@example.org', role: 'root', password: 'short' }))).toEqual({
      role: ['Select a role'],
      password: ['Password must be 12 characters or more'],
    });
  });

  it('reads a role change', () => {
    expect(updateUserSchema.parse({ id: '3', version: '2', name: ' B ', role: 'board', active: 'no' })).toEqual({
      id: 3,
      version: 2,
      name: 'B',
      role: 'board',
      active: 'no',
    });
  });

  it('says when the new passwords differ', () => {
    expect(errors(changeOwnPasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'long-enough-pass', confirmPassword: 'long-enough-pasS' }))).toEqual({
      confirmPassword: ['The passwords do not match'],
    });
  });
});
