/**
 * Demo inspections: both Wiltshire reports (lib/domain/fixtures), the 2018/19 vetting-disparity area for
 * improvement linked to T4, the 2016 lifetime-management one as predecessor of its 2018/19 re-issue, and
 * a few actions owned by the demo owner, some overdue. Publication days are not in the reports' text
 * (only the month), so the 1st of the month is used; both s.55 responses are recorded as published.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseInspectionReport } from '@/lib/domain/inspection-report';
import type { Db } from '../client';
import { addActionUpdate, createAction, linkFindingToRisk, saveInspection, updateFinding, updateS55 } from '../mutations/inspections';
import { appMeta, findings, people, risks } from '../schema';

export const DEMO_INSPECTIONS_KEY = 'demo-inspections';
const ACTOR = { userId: null, label: 'system: demo data' };

function report(file: string) {
  return parseInspectionReport(fs.readFileSync(path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'domain', 'fixtures', file), 'utf8'));
}

/** Seeds the demo inspections once (needs the demo register and accounts); returns whether it did. */
export function seedDemoInspections(db: Db): boolean {
  if (db.select().from(appMeta).where(eq(appMeta.key, DEMO_INSPECTIONS_KEY)).get()) return false;
  const owner = db.select({ id: people.id }).from(people).where(eq(people.email, 'owner@example.org')).get();
  const staff = db.select({ id: people.id }).from(people).where(eq(people.email, 'staff@example.org')).get();
  const t4 = db.select({ id: risks.id }).from(risks).where(eq(risks.ref, 'T4')).get();
  const i8 = db.select({ id: risks.id }).from(risks).where(eq(risks.ref, 'I8')).get();
  if (!owner || !staff || !t4 || !i8) return false;

  const older = saveInspection(db, ACTOR, {
    report: report('peel-2016-wiltshire.txt'),
    publishedOn: '2017-03-01',
    sourceName: 'PEEL: Police effectiveness 2016 - Wiltshire Police',
  });
  const newer = saveInspection(db, ACTOR, {
    report: report('peel-2018-19-wiltshire.txt'),
    publishedOn: '2019-05-01',
    sourceName: 'PEEL 2018/19 - Wiltshire Police',
  });
  updateS55(db, ACTOR, older, 1, { status: 'published', publishedOn: '2017-04-20', link: null });
  updateS55(db, ACTOR, newer, 1, { status: 'published', publishedOn: '2019-06-20', link: null });

  const byRef = (reference: string) => db.select().from(findings).where(eq(findings.reference, reference)).get()!;
  const vetting = byRef('WILT-201819-AFI-08');
  const lifetime = byRef('WILT-201819-AFI-01');
  const lifetime2016 = byRef('WILT-2016-AFI-06');
  updateFinding(db, ACTOR, vetting.id, vetting.version, {
    status: 'in-progress',
    opccOwnerId: owner.id,
    forceLead: 'Head of Professional Standards',
    predecessorId: null,
  });
  updateFinding(db, ACTOR, lifetime.id, lifetime.version, {
    status: 'open',
    opccOwnerId: owner.id,
    forceLead: 'Head of Serious and Organised Crime',
    predecessorId: lifetime2016.id,
  });
  updateFinding(db, ACTOR, lifetime2016.id, lifetime2016.version, { status: 'superseded', opccOwnerId: null, forceLead: null, predecessorId: null });
  linkFindingToRisk(db, ACTOR, vetting.id, 'T4');

  const a1 = createAction(db, ACTOR, {
    title: 'Agree with the Force how vetting decisions will be monitored for disproportionality',
    sourceType: 'finding',
    sourceRef: null,
    findingId: vetting.id,
    riskId: null,
    ownerId: owner.id,
    dueOn: '2019-09-30',
  });
  addActionUpdate(db, ACTOR, a1, 1, { note: 'Draft monitoring approach received from Professional Standards', status: 'in-progress', today: '2019-08-01' });
  createAction(db, ACTOR, {
    title: 'Obtain evidence that ancillary orders are routinely considered for organised criminals',
    sourceType: 'finding',
    sourceRef: null,
    findingId: lifetime.id,
    riskId: null,
    ownerId: owner.id,
    dueOn: '2027-03-31',
  });
  createAction(db, ACTOR, {
    title: 'Report progress on outstanding ICT compliance issues to CMB',
    sourceType: 'risk',
    sourceRef: 'I8 mitigation: Gold Group (Op Connect)',
    findingId: null,
    riskId: i8.id,
    ownerId: owner.id,
    dueOn: '2026-11-01',
  });
  const a4 = createAction(db, ACTOR, {
    title: 'Provide the Panel with a breakdown of Op Fairline costs',
    sourceType: 'minute',
    sourceRef: 'Police and Crime Panel, 14 June 2018',
    findingId: null,
    riskId: null,
    ownerId: staff.id,
    dueOn: '2018-09-06',
  });
  addActionUpdate(db, ACTOR, a4, 1, { note: 'Breakdown circulated to Panel members', status: 'completed', today: '2018-09-05' });

  db.insert(appMeta).values({ key: DEMO_INSPECTIONS_KEY, value: 'wiltshire-2016,wiltshire-2018-19' }).run();
  return true;
}
