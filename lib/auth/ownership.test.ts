import { describe, expect, it } from 'vitest';
import { ownsRisk } from './ownership';

describe('ownsRisk', () => {
  it.each([
    [{ personId: 3 }, 3, true],
    [{ personId: 3 }, 4, false],
    [{ personId: 3 }, null, false],
    [{ personId: null }, null, false],
    [null, 3, false],
  ])('%j owning risk owned by %j → %s', (user, owner, expected) => {
    expect(ownsRisk(user, owner)).toBe(expected);
  });
});
