import { describe, expect, it } from 'vitest';
import { auditHash, verifyChain, type ChainedEntry } from './audit-chain';

const KEY = Buffer.from('unit-test-audit-key-0123456789abcdef');

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
    const hash = auditHash(KEY, previous, e);
    rows.push({ ...e, id: i, prevHash: previous, hash });
    previous = hash;
  }
  return rows;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5), KEY)).toEqual({ ok: true, entries: 5 });
  });

  it('names the first entry whose content was changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, summary: 'rewritten' };
    expect(verifyChain(rows, KEY)).toMatchObject({
      ok: false,
      brokenId: 3,
      reason: 'its content does not match its hash (or it was chained without the audit key)',
    });
  });

  it('names the entry after one that was removed', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows, KEY)).toMatchObject({ ok: false, brokenId: 3, reason: 'its link to the previous entry does not match' });
  });

  it('fails an entry re-chained without the key, with the published algorithm', () => {
    const rows = chain(4);
    const other = Buffer.from('someone-else-s-key-0123456789abcdef');
    rows[2] = { ...rows[2]!, summary: 'edited' };
    rows[2]!.hash = auditHash(other, rows[1]!.hash, rows[2]!);
    rows[3] = { ...rows[3]!, prevHash: rows[2]!.hash, hash: auditHash(other, rows[2]!.hash, rows[3]!) };
    expect(verifyChain(rows, KEY)).toMatchObject({ ok: false, brokenId: 3 });
    expect(verifyChain(rows, other)).toMatchObject({ ok: false, brokenId: 1 });
  });
});
