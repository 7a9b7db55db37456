import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import { openDatabase, type Db } from './client';
import { writeAudit, SYSTEM_ACTOR } from './mutations/audit';
import { recordReview } from './mutations/reviews';
import { prepared, rowsOf, valueOf } from './prepared';
import { getLiveRegister, getRiskByRef, historyOfRisk } from './queries/risks';
import { listActions } from './queries/inspections';
import { actions, people, reviews, risks } from './schema';
import { openDemoTestDatabase } from './test-database';

let db: Db;
let file: string;
let close: () => void;

beforeEach(() => {
  ({ db, file, close } = openDemoTestDatabase('prepared-test-'));
  // The demo register has no people or actions: add a few, with every status, and one through a finding.
  const [alex, sam] = db.insert(people).values([{ name: 'Alex Owner' }, { name: 'Sam Owner' }]).returning({ id: people.id }).all();
  const [first, second] = db.select({ id: risks.id }).from(risks).orderBy(asc(risks.id)).limit(2).all();
  db.insert(actions)
    .values([
      { title: 'Open on the first risk', sourceType: 'risk', riskId: first!.id, ownerId: alex!.id, dueOn: '2026-01-10' },
      { title: 'Done on the first risk', sourceType: 'risk', riskId: first!.id, ownerId: sam!.id, dueOn: '2026-02-10', status: 'completed' },
      { title: 'Going on the second risk', sourceType: 'risk', riskId: second!.id, ownerId: alex!.id, dueOn: '2026-03-10', status: 'in-progress' },
      { title: 'Cancelled, from a minute', sourceType: 'minute', ownerId: sam!.id, dueOn: '2026-04-10', status: 'cancelled' },
    ])
    .run();
  // An action answering a finding (the finding's own rows are not needed to list it).
  db.$client.pragma('foreign_keys = OFF');
  db.insert(actions).values({ title: 'Answers a finding', sourceType: 'finding', findingId: 424242, ownerId: sam!.id, dueOn: '2026-05-10' }).run();
  db.$client.pragma('foreign_keys = ON');
});

afterEach(() => close());

const personById = (d: Db) => prepared(d, 'test.person', (x) => x.select({ name: people.name }).from(people).where(eq(people.id, sql.placeholder('id'))).prepare());

describe('prepared', () => {
  it('builds a query once per connection and runs it with new values each time', () => {
    const first = personById(db);
    expect(personById(db)).toBe(first);
    const [a, b] = db.select({ id: people.id, name: people.name }).from(people).orderBy(asc(people.id)).limit(2).all();
    expect(first.get({ id: a!.id })?.name).toBe(a!.name);
    expect(first.get({ id: b!.id })?.name).toBe(b!.name);
  });

  it('keeps each database’s queries apart', () => {
    const other = openDemoTestDatabase('prepared-other-');
    try {
      const id = db.select({ id: people.id }).from(people).limit(1).get()!.id;
      other.db.insert(people).values({ id, name: 'Only in the other database' }).run();
      expect(personById(other.db)).not.toBe(personById(db));
      expect(personById(other.db).get({ id })?.name).toBe('Only in the other database');
      expect(personById(db).get({ id })?.name).toBe('Alex Owner');
    } finally {
      other.close();
    }
  });

  it('runs inside the open transaction: sees its writes, and a rollback undoes what it wrote', () => {
    const id = db.select({ id: people.id }).from(people).limit(1).get()!.id;
    const before = personById(db).get({ id })!.name;
    const rename = prepared(db, 'test.rename', (d) => d.update(people).set({ name: valueOf('name') }).where(eq(people.id, sql.placeholder('id'))).prepare());
    expect(() =>
      db.transaction((tx) => {
        rename.run({ id, name: 'Renamed in a transaction' });
        expect(personById(tx as unknown as Db).get({ id })?.name).toBe('Renamed in a transaction');
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(personById(db).get({ id })?.name).toBe(before);
  });

  it('rowsOf returns drizzle’s own row objects', () => {
    const riskId = db.select({ id: risks.id }).from(risks).limit(1).get()!.id;
    const query = prepared(db, 'test.reviews', (d) => d.select().from(reviews).where(eq(reviews.riskId, sql.placeholder('riskId'))).orderBy(asc(reviews.sequence)).prepare());
    const expected = db.select().from(reviews).where(eq(reviews.riskId, riskId)).orderBy(asc(reviews.sequence)).all();
    expect(expected.length).toBeGreaterThan(0);
    expect(rowsOf(reviews, query, { riskId })).toEqual(expected);
  });
});

describe('queries moved to prepared statements', () => {
  it('an audit entry without detail stores NULL, one with detail stores its JSON', () => {
    db.transaction((tx) => {
      writeAudit(tx, SYSTEM_ACTOR, { action: 'test.none', entityType: 'test', summary: 'no detail' });
      writeAudit(tx, SYSTEM_ACTOR, { action: 'test.some', entityType: 'test', summary: 'with detail', detail: { a: 1 } });
    });
    const stored = db.$client.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'test.%' ORDER BY id").all();
    expect(stored).toEqual([
      { action: 'test.none', detail: null },
      { action: 'test.some', detail: '{"a":1}' },
    ]);
  });

  it('one risk read with its latest reviews matches the register’s row for it', () => {
    const day = '2026-11-24';
    const register = getLiveRegister(db, day).all;
    expect(register.length).toBeGreaterThan(5);
    for (const row of register) {
      const one = getRiskByRef(db, row.ref, day, undefined, 'latest')!;
      expect(one.history).toEqual(row.history);
      expect(one.impactAreas).toEqual(row.impactAreas);
      expect(one.owner).toEqual(row.owner);
      expect(one.lastReviewedOn).toBe(row.lastReviewedOn);
    }
  });

  it('a risk’s full history and lists match the register built from every review', () => {
    const day = '2026-11-24';
    for (const row of getLiveRegister(db, day, {}, 'full').all) {
      const one = getRiskByRef(db, row.ref, day)!;
      expect(one.history).toEqual(row.history);
      expect(one.impactAreas).toEqual(row.impactAreas);
    }
  });

  it('actions filtered by each combination agree with filtering every action', () => {
    const day = '2026-11-24';
    const every = listActions(db, day);
    expect(every.length).toBeGreaterThan(0);
    const sample = every[0]!;
    expect(listActions(db, day, { ownerId: sample.ownerId })).toEqual(every.filter((a) => a.ownerId === sample.ownerId));
    expect(listActions(db, day, { status: sample.status })).toEqual(every.filter((a) => a.status === sample.status));
    expect(listActions(db, day, { ownerId: sample.ownerId, status: sample.status })).toEqual(every.filter((a) => a.ownerId === sample.ownerId && a.status === sample.status));
    const withFinding = every.find((a) => a.findingId !== null);
    const withRisk = every.find((a) => a.riskId !== null);
    const open = (a: (typeof every)[number]) => a.status !== 'completed' && a.status !== 'cancelled';
    if (withRisk) {
      expect(listActions(db, day, { riskId: withRisk.riskId! })).toEqual(every.filter((a) => a.riskId === withRisk.riskId));
      expect(listActions(db, day, { openFor: { riskId: withRisk.riskId!, findingIds: [] } })).toEqual(every.filter((a) => open(a) && a.riskId === withRisk.riskId));
    }
    if (withFinding && withRisk) {
      const findingIds = [withFinding.findingId!];
      expect(listActions(db, day, { openFor: { riskId: withRisk.riskId!, findingIds } })).toEqual(
        every.filter((a) => open(a) && (a.riskId === withRisk.riskId || findingIds.includes(a.findingId!))),
      );
    }
    expect(db.select().from(actions).all().length).toBe(every.length);
  });
});

describe('historyOfRisk: a risk’s history kept per process and brought up to date', () => {
  const day = '2026-11-24';
  const fresh = (d: Db, riskId: number) => getLiveRegister(d, day, {}, 'full').all.find((r) => r.id === riskId)!.history;
  const add = (d: Db, ref: string, likelihood: number) => {
    const risk = getRiskByRef(d, ref, day, undefined, 'latest')!;
    recordReview(d, { userId: null, label: 'unit test' }, {
      riskId: risk.id,
      expectedVersion: risk.version,
      reviewedOn: day,
      forum: 'monthly',
      likelihood,
      control: 2,
      impact: 3,
      reason: `set to L${likelihood}`,
      removalRule: DEFAULT_REMOVAL_RULE,
    });
  };

  it('reads only what was added, and matches the history read whole', () => {
    const risk = getRiskByRef(db, 'I2', day)!;
    const before = historyOfRisk(db, risk.id);
    expect(before).toEqual(fresh(db, risk.id));
    const copy = structuredClone(before);
    add(db, 'I2', 4);
    add(db, 'I2', 1);
    add(db, 'I2', 1);
    const after = historyOfRisk(db, risk.id);
    expect(after).toHaveLength(before.length + 3);
    expect(after).toEqual(fresh(db, risk.id));
    expect(after.slice(-3).map((e) => [e.previousScore, e.direction])).toEqual([
      [before.at(-1)!.score, 'increased'],
      [24, 'reduced'],
      [6, 'maintained'],
    ]);
    expect(before).toEqual(copy); // the list handed out earlier is left as it was
    expect(historyOfRisk(db, risk.id)).toBe(after); // nothing added: the same list
  });

  it('sees a review another connection added', () => {
    const risk = getRiskByRef(db, 'I2', day)!;
    const length = historyOfRisk(db, risk.id).length;
    const other = openDatabase(file);
    try {
      add(other, 'I2', 3);
    } finally {
      other.$client.close();
    }
    expect(historyOfRisk(db, risk.id)).toHaveLength(length + 1);
    expect(historyOfRisk(db, risk.id)).toEqual(fresh(db, risk.id));
  });

  it('keeps nothing read inside a transaction that is rolled back', () => {
    const risk = getRiskByRef(db, 'I2', day)!;
    const length = historyOfRisk(db, risk.id).length;
    expect(() =>
      db.transaction(() => {
        add(db, 'I2', 4);
        expect(historyOfRisk(db, risk.id)).toHaveLength(length + 1);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    add(db, 'I2', 1); // the same sequence number the rolled-back review had
    const history = historyOfRisk(db, risk.id);
    expect(history).toHaveLength(length + 1);
    expect(history.at(-1)!.likelihood).toBe(1);
    expect(history).toEqual(fresh(db, risk.id));
  });
});
