import { describe, expect, it } from 'vitest';
import { auditHash, verifyChain, type ChainedEntry } from './audit-chain';

const entry = (n: number): ChainedEntry => ({
  at: `2026-11-24T10:00:0${n}.000Z`,
  actorUserId: 1,
  actorLabel: 'Staff',
  action: 'review.record',
  entityType: 'risk',
  entityId: 'I1',
  summary: `entry ${n}`,
  detail: { n },
});

function chain(n: number) {
  const rows = [];
  let previous: string | null = null;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    const hash = auditHash(previous, e);
    rows.push({ ...e, id: i, prevHash: previous, hash });
    previous = hash;
  }
  return rows;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, entries: 5 });
  });

  it('names the first entry whose content was changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, summary: 'rewritten' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenId: 3, reason: 'its content does not match its hash' });
  });

  it('names the entry after one that was removed', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenId: 3, reason: 'its link to the previous entry does not match' });
  });
});
