import { describe, expect, it } from 'vitest';
import { postedFromThisSite } from './same-site';

const headers = (h: Record<string, string>) => new Headers(h);

describe('postedFromThisSite', () => {
  it.each([
    [{ host: 'risks.example.org' }, true],
    [{ host: 'risks.example.org', origin: 'https://risks.example.org' }, true],
    [{ host: 'internal:3000', 'x-forwarded-host': 'risks.example.org', origin: 'https://risks.example.org' }, true],
    [{ host: 'risks.example.org', origin: 'https://elsewhere.example' }, false],
    [{ host: 'risks.example.org', origin: 'null' }, false],
    [{ host: 'risks.example.org', origin: 'not a url' }, false],
  ])('%j → %s', (h, expected) => {
    expect(postedFromThisSite(headers(h))).toBe(expected);
  });
});
