import { describe, expect, it } from 'vitest';
import { safeCallbackUrl, signInSchema } from './sign-in';

describe('signInSchema', () => {
  it.each([
    [
      { email: '', password: '' },
      { email: ['Enter your email address'], password: ['Enter your password'] },
    ],
    [{ email: 'nobody', password: 'x' }, { email: ['Enter an email address in the correct format, like name@example.org'] }],
    [
      { email: undefined, password: undefined },
      { email: ['Enter your email address'], password: ['Enter your password'] },
    ],
  ])('%j is refused field by field', (input, errors) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors).toEqual(errors);
  });

  it('accepts and trims a real address', () => {
    expect(signInSchema.parse({ email: ' staff@example.org ', password: 'p' }).email).toBe('staff@example.org');
  });
});

describe('safeCallbackUrl', () => {
  it.each([
    ['/risks/I1', '/risks/I1'],
    ['/register?band=high', '/register?band=high'],
    ['https://evil.example', '/register'],
    ['//evil.example', '/register'],
    ['/\\evil.example', '/register'],
    ['/sign-in', '/register'],
    // Paths whose normal form starts with two slashes: another host once the browser reads the Location.
    ['/..//evil.example', '/register'],
    ['/.//evil.example', '/register'],
    ['/%2e%2e//evil.example', '/register'],
    ['/register/..//evil.example', '/register'],
    ['/./\\evil.example', '/register'],
    ['/.///evil.example', '/register'],
    ['/register/../risks/I1', '/risks/I1'],
    // Tabs and newlines that browsers drop, leaving another host.
    ['/\t/127.0.0.1:4999/x', '/register'],
    ['/\n/127.0.0.1:4999/x', '/register'],
    ['/\r/evil.example', '/register'],
    ['/\t\\evil.example', '/register'],
    // Kept on this service, in the form a browser would follow.
    ['/risks/I1\n', '/risks/I1'],
    ['/risks/I1#history', '/risks/I1#history'],
    ['/./risks/../register', '/register'],
    ['', '/register'],
    [null, '/register'],
  ])('%j → %j', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
