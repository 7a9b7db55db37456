import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from './token';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

describe('decodeSessionToken', () => {
  it('returns the claims of a valid token, the same on a second read', async () => {
    const raw = await encode({ token: { uid: 7, sid: 'a' }, secret: SECRET, maxAge: 3600 });
    const first = await decodeSessionToken(raw, SECRET);
    expect(first).toMatchObject({ uid: 7, sid: 'a' });
    expect(await decodeSessionToken(raw, SECRET)).toEqual(first);
  });

  it('refuses a token for another secret, even one it has read before', async () => {
    const raw = await encode({ token: { uid: 8, sid: 'b' }, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken(raw, SECRET)).not.toBeNull();
    expect(await decodeSessionToken(raw, `${SECRET}-other`)).toBeNull();
  });

  it('refuses a remembered token once it has expired, allowing 15 seconds of clock drift', async () => {
    const raw = await encode({ token: { uid: 9, sid: 'c' }, secret: SECRET, maxAge: 60 });
    const claims = await decodeSessionToken(raw, SECRET);
    const exp = (claims!.exp as number) * 1000;
    expect(await decodeSessionToken(raw, SECRET, exp + 14_000)).not.toBeNull();
    expect(await decodeSessionToken(raw, SECRET, exp + 15_000)).toBeNull();
    expect(await decodeSessionToken(raw, SECRET, exp + 15_000)).toBeNull();
  });

  it('refuses garbage and tampered tokens', async () => {
    const raw = await encode({ token: { uid: 10, sid: 'd' }, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken('not-a-token', SECRET)).toBeNull();
    expect(await decodeSessionToken(`${raw.slice(0, -4)}AAAA`, SECRET)).toBeNull();
  });
});
