import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import { previewRegisterFile, previewRegisterText } from '@/lib/register-file';
import { openDatabase, type Db } from '../client';
import { getLiveRegister, getRiskByRef } from '../queries/risks';
import { ensureBaselineSettings } from '../seed/demo';
import { ImportRowError } from '../errors';
import { applyImport } from './import';
import { verifyAuditLog } from '../queries/audit';
import { writeAudit } from './audit';
import { applyRiskOwner } from './risks';
import { writeTransaction } from '../transaction';
import { people } from '../schema';

const TODAY = '2026-11-24';
const PAPER = fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'domain', 'fixtures', 'register-2018-05-paper.txt'), 'utf8');
const actor = { userId: null, label: 'unit test' };
const options = { asAt: null, source: 'test', removalRule: DEFAULT_REMOVAL_RULE, today: TODAY };
let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-import-'));
  db = openDatabase(path.join(dir, 'test.db'));
  ensureBaselineSettings(db, { demo: false, today: '2015-01-01' });
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const countReviews = () => (db.$client.prepare('select count(*) n from reviews').get() as { n: number }).n;

describe('applying an import to a real database', () => {
  it('imports the paper into an empty register with the Summary column reproduced, then changes nothing on re-import', () => {
    const preview = previewRegisterText(PAPER);
    expect(applyImport(db, actor, preview.risks, options)).toEqual({ created: preview.risks.map((r) => r.ref), updated: [], unchanged: [] });
    const rows = getLiveRegister(db, TODAY).all;
    expect(rows).toHaveLength(16);
    const summary = Object.fromEntries(rows.map((r) => [r.ref, r.latest.summary]));
    expect(summary.I1).toBe('Increased (previously 16) - due to impact of Op Fairline on resources');
    expect(summary.I2).toBe('Maintain - business as usual');
    expect(summary.T7).toBe('NEW');
    expect(summary.T6).toBe('Reduced (previously 24)');
    const reviews = countReviews();
    expect(applyImport(db, actor, previewRegisterText(PAPER).risks, options)).toEqual({ created: [], updated: [], unchanged: preview.risks.map((r) => r.ref) });
    expect(countReviews()).toBe(reviews);
  });

  it('a file dated before a change already recorded for a risk leaves that risk as it is, and saves the rest', () => {
    const risks = previewRegisterText(PAPER).risks;
    applyImport(db, actor, risks, options);
    // I8 gets an owner today, after the paper's day.
    writeTransaction(db, (tx) => {
      const person = tx.insert(people).values({ name: 'An owner' }).returning({ id: people.id }).get();
      writeAudit(tx, actor, { action: 'person.create', entityType: 'person', summary: 'An owner' });
      applyRiskOwner(tx, actor, { ref: 'I8', ownerId: person.id, effectiveFrom: TODAY });
    });
    const changed = risks.map((r) => (r.ref === 'I8' || r.ref === 'I2' ? { ...r, likelihood: 1, score: r.control * r.impact, reason: 'lower' } : r));
    const outcome = applyImport(db, actor, changed, { ...options, asAt: '2018-06-01' });
    expect(outcome.updated).toEqual(['I2']);
    expect(outcome.unchanged).toContain('I8');
    expect(getRiskByRef(db, 'I8', TODAY)!.latest.likelihood).not.toBe(1);
  });

  it('all or nothing: a row that cannot be applied is named and nothing of the import is saved', () => {
    const risks = previewRegisterText(PAPER).risks;
    const bad = risks[11]!;
    // A row the database refuses (a factor out of range), as a defect past validation would be.
    const broken = risks.map((r, i) => (i === 11 ? { ...r, likelihood: 5, score: 5 * r.control * r.impact } : r));
    const entries = db.$client.prepare('select count(*) from audit_log').pluck().get();
    expect(() => applyImport(db, actor, broken, options)).toThrow(ImportRowError);
    expect(() => applyImport(db, actor, broken, options)).toThrow(new RegExp(`^Row ${bad.line} \\(${bad.ref}\\): .+\\. Nothing was saved`));
    expect(db.$client.prepare('select count(*) from risks').pluck().get()).toBe(0);
    expect(countReviews()).toBe(0);
    expect(db.$client.prepare('select count(*) from audit_log').pluck().get()).toBe(entries);
    expect(verifyAuditLog(db, { rows: true })).toMatchObject({ ok: true });
    // Corrected, it applies whole.
    expect(applyImport(db, actor, risks, options).created).toHaveLength(16);
  });

  it('a later version appends a review only for the risks that changed', async () => {
    applyImport(db, actor, previewRegisterText(PAPER).risks, options);
    const before = countReviews();
    const i1 = getRiskByRef(db, 'I1', TODAY)!;
    const t4 = getRiskByRef(db, 'T4', TODAY)!;
    const header = [
      'ID',
      'Category',
      'Date identified',
      'Event',
      'Consequences',
      'Impact areas',
      'Mitigations',
      'L',
      'C',
      'I',
      'Score',
      'Date reviewed',
      'Summary',
    ];
    const row = (r: typeof i1, l: number, reviewed: string, summary: string) => [
      r.ref,
      r.category,
      r.dateIdentified,
      r.event,
      r.consequences.map((c) => c.text).join('\n'),
      r.impactAreas.join('\n'),
      r.mitigations.map((m) => m.text).join('\n'),
      l,
      r.latest.control!,
      r.latest.impact!,
      l * r.latest.control! * r.latest.impact!,
      reviewed,
      summary,
    ];
    const buffer = await writeExcelFile(
      [header, row(i1, 4, '2018-08-03', 'Increased (previously 24) - Op Fairline continues'), row(t4, 2, '2018-05-04', 'Maintain - audit')].map((cells) =>
        cells.map((value) => ({ value })),
      ) as never,
    ).toBuffer();
    const preview = await previewRegisterFile('register.xlsx', buffer);
    expect(preview.errors).toEqual([]);
    expect(applyImport(db, actor, preview.risks, options)).toEqual({ created: [], updated: ['I1'], unchanged: ['T4'] });
    expect(countReviews()).toBe(before + 1);
    expect(getRiskByRef(db, 'I1', TODAY)!.latest).toMatchObject({
      score: 32,
      reviewedOn: '2018-08-03',
      summary: 'Increased (previously 24) - Op Fairline continues',
    });
  });

  it('says a binary file that is not a workbook is not a register', async () => {
    const preview = await previewRegisterFile('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(preview.errors[0]!.message).toBe('This file is not text, CSV or an Excel (.xlsx) workbook');
  });
});
