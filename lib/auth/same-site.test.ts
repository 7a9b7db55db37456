import { describe, expect, it } from 'vitest';
import { clientAddress, postedFromThisSite } from './same-site';

const headers = (h: Record<string, string>) => new Headers(h);

describe('postedFromThisSite', () => {
  it.each([
    [{ host: 'risks.example.org' }, true],
    [{ host: 'risks.example.org', origin: 'https://risks.example.org' }, true],
    // Without TRUST_PROXY a forwarded host is the client's say-so, not this service's name.
    [{ host: 'internal:3000', 'x-forwarded-host': 'risks.example.org', origin: 'https://risks.example.org' }, false],
    [{ host: 'risks.example.org', 'x-forwarded-host': 'elsewhere.example', origin: 'https://elsewhere.example' }, false],
    [{ host: 'risks.example.org', origin: 'https://elsewhere.example' }, false],
    [{ host: 'risks.example.org', origin: 'null' }, false],
    [{ host: 'risks.example.org', origin: 'not a url' }, false],
  ])('%j → %s', (h, expected) => {
    expect(postedFromThisSite(headers(h))).toBe(expected);
  });
});

it('without a trusted proxy, X-Forwarded-For is not read at all: a client can write any address it likes', () => {
  expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.7' }))).toBeNull();
  expect(clientAddress(headers({}))).toBeNull();
});

describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
  it('believes the proxy’s forwarded host, and takes the address the proxy saw', () => {
    process.env.TRUST_PROXY = 'true';
    try {
      expect(postedFromThisSite(headers({ host: 'internal:3000', 'x-forwarded-host': 'risks.example.org', origin: 'https://risks.example.org' }))).toBe(true);
      expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.5' }))).toBe('203.0.113.5');
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});
