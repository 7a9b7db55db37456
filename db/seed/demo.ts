/**
 * Demo data: the PCC's dynamic risk register as reviewed on 4 May 2018, from the Wiltshire Police and
 * Crime Panel agenda pack of 14 June 2018 (register-2018-05.json is a checked extract of that paper).
 *
 * Each risk gets its text as printed, and a review history that reproduces the Summary column: the
 * review of 4 May 2018 (8 May for I9) and, before it, the last formal review, whose date the paper does
 * not record. That earlier review is stored undated with a note, holding the previous score the paper
 * prints (or, where it prints "Maintain", the same score), with factors only where they are known.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { CATEGORIES, parseRef } from '@/lib/domain/categories';
import { normaliseImpactArea, sortImpactAreas, type ImpactArea } from '@/lib/domain/impact-areas';
import { scoreOf } from '@/lib/domain/scoring';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { today } from '@/lib/today';
import type { Db } from '../client';
import { writeTransaction, type Tx } from '../transaction';
import { writeAudit, type Actor } from '../mutations/audit';
import { appMeta, registerSettings, reviews, riskConsequences, riskImpactAreas, riskMitigations, riskRevisions, risks } from '../schema';
import paper from './register-2018-05.json';

export const DEMO_SEED_KEY = 'demo-seed';
export const DEMO_SEED_VALUE = 'register-2018-05';
export const UNDATED_REVIEW_NOTE = 'Before 4 May 2018: the last formal review before Op Fairline (early March 2018); date not recorded in the paper';

const SEED_ACTOR: Actor = { userId: null, label: 'system: demo data' };

const factorsSchema = z.object({ likelihood: z.number().int(), control: z.number().int(), impact: z.number().int(), score: z.number().int() });

const paperSchema = z.object({
  source: z.object({ file: z.string(), meeting: z.string() }),
  register: z.object({ reviewedAsAt: z.string(), riskAppetite: z.number().int() }),
  risks: z.array(
    z.object({
      id: z.string(),
      category: z.enum(CATEGORIES),
      dateIdentified: z.string(),
      event: z.string(),
      consequences: z.array(z.string()),
      impactAreas: z.array(z.string()),
      mitigations: z.array(z.string()),
      seed: z.object({ file: z.string(), line: z.number().int() }),
      reviewHistory: z.array(
        z.object({
          reviewDate: z.string().nullable(),
          score: z.number().int(),
          factors: factorsSchema.nullable(),
          summary: z.string().optional(),
        }),
      ),
      summaryReason: z.string().nullable(),
    }),
  ),
});

export type PaperRisk = z.infer<typeof paperSchema>['risks'][number];

/** The paper's risks, checked against the shape the seed relies on. */
export function loadPaperRegister() {
  return paperSchema.parse(paper);
}

/** Writes the baseline register settings if none exist (appetite 30, topical removal under 10). */
export function ensureBaselineSettings(db: Db, options: { demo: boolean; today?: string }): boolean {
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: registerSettings.id }).from(registerSettings).limit(1).get()) return false;
    const values = {
      appetite: DEFAULT_SETTINGS.appetite,
      removalComparator: DEFAULT_SETTINGS.removalComparator,
      removalThreshold: DEFAULT_SETTINGS.removalThreshold,
      likelihoodName: DEFAULT_SETTINGS.factors.likelihood.name,
      controlName: DEFAULT_SETTINGS.factors.control.name,
      controlScale: DEFAULT_SETTINGS.factors.control.scale,
      impactName: DEFAULT_SETTINGS.factors.impact.name,
      ...(options.demo
        ? {
            effectiveFrom: '2015-08-18',
            approvedBy: "Commissioner's Monitoring Board",
            minuteRef: 'Risk register report to the Police and Crime Panel, 14 June 2018, para 2.6: "The risk appetite remains at 30"',
          }
        : { effectiveFrom: options.today ?? today(), approvedBy: 'Default on installation (from the register of 4 May 2018)', minuteRef: null }),
    };
    const row = tx.insert(registerSettings).values(values).returning({ id: registerSettings.id }).get();
    writeAudit(tx, SEED_ACTOR, {
      action: 'settings.create',
      entityType: 'register_settings',
      entityId: row.id,
      summary: `Register settings: appetite ${values.appetite}, topical risks removed when the score is ${values.removalComparator} ${values.removalThreshold}, effective from ${values.effectiveFrom}`,
      detail: values,
    });
    return true;
  });
}

function impactAreasOf(risk: PaperRisk): ImpactArea[] {
  return sortImpactAreas(
    risk.impactAreas.map((printed) => {
      const area = normaliseImpactArea(printed);
      if (!area) throw new Error(`${risk.id}: unknown impact area "${printed}"`);
      return area;
    }),
  );
}

/** Inserts one risk of the paper with its lists and reviews; the caller supplies the transaction. */
function insertPaperRisk(tx: Tx, risk: PaperRisk, sourceFile: string): void {
  const parsed = parseRef(risk.id);
  if (!parsed || parsed.category !== risk.category) throw new Error(`${risk.id}: not a ${risk.category} ref`);
  const since = risk.dateIdentified;
  const inserted = tx
    .insert(risks)
    .values({
      ref: risk.id,
      category: risk.category,
      refNumber: parsed.number,
      dateIdentified: since,
      event: risk.event,
      status: 'live',
      ownerId: null,
      version: 1,
    })
    .returning({ id: risks.id })
    .get();
  const riskId = inserted.id;
  tx.insert(riskRevisions)
    .values({ riskId, version: 1, effectiveFrom: since, event: risk.event, category: risk.category, status: 'live', ownerId: null })
    .run();
  risk.consequences.forEach((text, i) =>
    tx
      .insert(riskConsequences)
      .values({ riskId, position: i + 1, text, validFrom: since })
      .run(),
  );
  risk.mitigations.forEach((text, i) =>
    tx
      .insert(riskMitigations)
      .values({ riskId, position: i + 1, text, validFrom: since })
      .run(),
  );
  for (const area of impactAreasOf(risk)) tx.insert(riskImpactAreas).values({ riskId, area, validFrom: since }).run();

  const last = risk.reviewHistory.length - 1;
  risk.reviewHistory.forEach((review, i) => {
    const factors = review.factors;
    if (factors && scoreOf(factors) !== review.score) throw new Error(`${risk.id}: factors do not give ${review.score}`);
    tx.insert(reviews)
      .values({
        riskId,
        sequence: i + 1,
        reviewedOn: review.reviewDate,
        reviewedOnNote: review.reviewDate ? null : UNDATED_REVIEW_NOTE,
        forum: 'cmb',
        likelihood: factors?.likelihood ?? null,
        control: factors?.control ?? null,
        impact: factors?.impact ?? null,
        score: review.score,
        reason: i === last ? risk.summaryReason || null : null,
        source: `${sourceFile} line ${risk.seed.line}`,
      })
      .run();
  });
  writeAudit(tx, SEED_ACTOR, {
    action: 'risk.import',
    entityType: 'risk',
    entityId: risk.id,
    summary: `Imported ${risk.id} from the register of 4 May 2018 with ${risk.reviewHistory.length} review(s)`,
    detail: { source: `${sourceFile} line ${risk.seed.line}` },
  });
}

/**
 * Loads the paper's sixteen risks once. Idempotent: does nothing when this database has been seeded
 * before or already holds risks of its own.
 */
export function seedDemoData(db: Db): { seeded: boolean; risks: number } {
  const data = loadPaperRegister();
  return writeTransaction(db, (tx) => {
    const marker = tx.select().from(appMeta).where(eq(appMeta.key, DEMO_SEED_KEY)).get();
    const anyRisk = tx.select({ id: risks.id }).from(risks).limit(1).get();
    if (marker || anyRisk) return { seeded: false, risks: 0 };
    for (const risk of data.risks) insertPaperRisk(tx, risk, data.source.file);
    tx.insert(appMeta).values({ key: DEMO_SEED_KEY, value: DEMO_SEED_VALUE }).run();
    writeAudit(tx, SEED_ACTOR, {
      action: 'seed.demo',
      entityType: 'register',
      summary: `Loaded the demo register (${data.risks.length} risks) from ${data.source.meeting}`,
    });
    return { seeded: true, risks: data.risks.length };
  });
}
