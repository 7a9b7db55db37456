import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseInspectionReport } from '@/lib/domain/inspection-report';
import { openDatabase, type Db } from '../client';
import { getInspection } from '../queries/inspections';
import { saveInspection, updateS55 } from './inspections';
import { DuplicateInspectionError, S55DateError } from '../errors';

const report = parseInspectionReport(fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'domain', 'fixtures', 'report-cause-of-concern.md'), 'utf8'));
const actor = { userId: null, label: 'unit test' };
let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-inspections-'));
  db = openDatabase(path.join(dir, 'test.db'));
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('saveInspection', () => {
  it('saves findings with references, deadlines and the cause each recommendation belongs to', () => {
    const id = saveInspection(db, actor, { report, publishedOn: '2022-10-03', sourceName: 'test' });
    const saved = getInspection(db, id, '2022-10-10')!;
    expect(saved.findings.map((f) => [f.reference, f.deadline])).toEqual([
      ['NORT-202122-COC-01', null],
      ['NORT-202122-REC-01', '2023-01-03'],
      ['NORT-202122-REC-02', '2023-04-03'],
      ['NORT-202122-AFI-01', null],
    ]);
    const cause = saved.findings[0]!;
    expect(saved.findings.slice(1, 3).map((f) => f.causeId)).toEqual([cause.id, cause.id]);
    expect(saved.s55DueOn).toBe('2022-11-28');
  });

  it('refuses the same report twice, and numbers on for another report on the same force and year', () => {
    saveInspection(db, actor, { report, publishedOn: '2022-10-03', sourceName: 'test' });
    expect(() => saveInspection(db, actor, { report, publishedOn: '2022-10-03', sourceName: 'test' })).toThrow(DuplicateInspectionError);
    const other = saveInspection(db, actor, { report: { ...report, title: 'A thematic inspection' }, publishedOn: '2022-11-01', sourceName: 'test' });
    expect(getInspection(db, other, '2022-11-02')!.findings.map((f) => f.reference)).toEqual([
      'NORT-202122-COC-02',
      'NORT-202122-REC-03',
      'NORT-202122-REC-04',
      'NORT-202122-AFI-02',
    ]);
  });
});

describe('updateS55', () => {
  const auditCount = () => (db.$client.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

  it('an unchanged save changes nothing: same date, same version, no audit entry', () => {
    const id = saveInspection(db, actor, { report, publishedOn: '2019-05-01', sourceName: 'test' });
    expect(updateS55(db, actor, id, 1, { status: 'published', publishedOn: '2019-06-20', link: null })).toBe('updated');
    const before = auditCount();
    expect(updateS55(db, actor, id, 2, { status: 'published', publishedOn: '2019-06-20', link: null })).toBe('unchanged');
    const saved = getInspection(db, id, '2026-12-03')!;
    expect([saved.s55PublishedOn, saved.version, auditCount()]).toEqual(['2019-06-20', 2, before]);
  });

  it('refuses a response dated before the report was published, and saves nothing', () => {
    const id = saveInspection(db, actor, { report, publishedOn: '2019-05-01', sourceName: 'test' });
    expect(() => updateS55(db, actor, id, 1, { status: 'published', publishedOn: '2019-04-30', link: null })).toThrow(S55DateError);
    expect(getInspection(db, id, '2026-12-03')!.s55PublishedOn).toBeNull();
  });
});
