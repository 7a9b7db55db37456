/**
 * Applies an imported register. Idempotent: a risk whose latest review already has the imported factors
 * and date, and whose text is the same, is left alone; a risk that changed gets one appended review with
 * its text changes; a risk not yet here is added with the history its Summary implies.
 */
import type { RemovalRule } from '@/lib/domain/categories';
import { parseRef } from '@/lib/domain/categories';
import type { ImportedRisk } from '@/lib/domain/register-import';
import type { Db } from '../client';
import { ImportRowError } from '../errors';
import { writeTransaction } from '../transaction';
import { getRiskByRef, latestChange } from '../queries/risks';
import { reviews, riskConsequences, riskImpactAreas, riskMitigations, riskRevisions, risks } from '../schema';
import { writeAudit, type Actor } from './audit';
import { recordReview } from './reviews';

export type ImportOutcome = { created: string[]; updated: string[]; unchanged: string[] };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function insertNewRisk(db: Db, actor: Actor, risk: ImportedRisk, asAt: string | null, source: string): void {
  writeTransaction(db, (tx) => {
    const number = parseRef(risk.ref)!.number;
    const since = risk.dateIdentified;
    const row = tx
      .insert(risks)
      .values({
        ref: risk.ref,
        category: risk.category,
        refNumber: number,
        dateIdentified: since,
        event: risk.event,
        status: 'live',
        ownerId: null,
        version: 1,
      })
      .returning({ id: risks.id })
      .get();
    tx.insert(riskRevisions)
      .values({ riskId: row.id, version: 1, effectiveFrom: since, event: risk.event, category: risk.category, status: 'live', ownerId: null })
      .run();
    risk.consequences.forEach((text, i) =>
      tx
        .insert(riskConsequences)
        .values({ riskId: row.id, position: i + 1, text, validFrom: since })
        .run(),
    );
    risk.mitigations.forEach((text, i) =>
      tx
        .insert(riskMitigations)
        .values({ riskId: row.id, position: i + 1, text, validFrom: since })
        .run(),
    );
    for (const area of risk.impactAreas) tx.insert(riskImpactAreas).values({ riskId: row.id, area, validFrom: since }).run();
    const reviewedOn = risk.dateReviewed ?? asAt;
    let sequence = 0;
    const earlier = risk.previousScore ?? (risk.summaryDirection === 'maintained' ? risk.score : null);
    if (earlier !== null) {
      tx.insert(reviews)
        .values({
          riskId: row.id,
          sequence: ++sequence,
          reviewedOn: null,
          reviewedOnNote: `Before ${reviewedOn ?? 'the imported review'}: ${risk.previousScore !== null ? `previous score ${earlier} stated in the imported Summary` : 'score unchanged, as the imported Summary says Maintain'}; date not recorded`,
          forum: 'import',
          score: earlier,
          source,
        })
        .run();
    }
    tx.insert(reviews)
      .values({
        riskId: row.id,
        sequence: ++sequence,
        reviewedOn,
        reviewedOnNote: reviewedOn ? null : 'Date not recorded in the imported register',
        forum: 'import',
        reviewerUserId: actor.userId,
        reviewerName: actor.label,
        likelihood: risk.likelihood,
        control: risk.control,
        impact: risk.impact,
        score: risk.score,
        reason: risk.reason,
        source,
      })
      .run();
    writeAudit(tx, actor, {
      action: 'risk.import',
      entityType: 'risk',
      entityId: risk.ref,
      summary: `Imported ${risk.ref} from ${source} (${risk.summary || 'no summary'})`,
    });
  });
}

/** Applies the imported risks; the file's own refs are kept. */
/**
 * Applies an import all or nothing: every risk in one write transaction (each risk's own transaction is a
 * savepoint inside it), so a row that cannot be applied leaves the register as it was and is named
 * (ImportRowError).
 */
export function applyImport(
  db: Db,
  actor: Actor,
  imported: ImportedRisk[],
  options: { asAt: string | null; source: string; removalRule: RemovalRule; today: string },
): ImportOutcome {
  return writeTransaction(db, () => {
    const outcome: ImportOutcome = { created: [], updated: [], unchanged: [] };
    for (const risk of imported) {
      try {
        applyOne(db, actor, risk, options, outcome);
      } catch (error) {
        if (error instanceof ImportRowError) throw error;
        throw new ImportRowError(risk.ref, risk.line ?? null, error instanceof Error ? error.message.replace(/\.$/, '') : String(error));
      }
    }
    return outcome;
  });
}

function applyOne(
  db: Db,
  actor: Actor,
  risk: ImportedRisk,
  options: { asAt: string | null; source: string; removalRule: RemovalRule; today: string },
  outcome: ImportOutcome,
): void {
  const existing = getRiskByRef(db, risk.ref, options.today);
  if (!existing) {
    insertNewRisk(db, actor, risk, options.asAt, options.source);
    outcome.created.push(risk.ref);
    return;
  }
  const latest = existing.latest;
  const reviewedOn = risk.dateReviewed ?? options.asAt ?? options.today;
  const sameScore = latest.likelihood === risk.likelihood && latest.control === risk.control && latest.impact === risk.impact;
  const notLater = !!latest.reviewedOn && reviewedOn <= latest.reviewedOn;
  const sameText =
    existing.event === risk.event &&
    same(
      existing.consequences.map((c) => c.text),
      risk.consequences,
    ) &&
    same(
      existing.mitigations.map((m) => m.text),
      risk.mitigations,
    ) &&
    same(existing.impactAreas, risk.impactAreas);
  // A file older than the latest review or change held here cannot become the current state (changes are
  // recorded in date order), so its rows for that risk are left as they are, like an unchanged row.
  const changedSince = latestChange(db, existing.id);
  const older = (!!latest.reviewedOn && reviewedOn < latest.reviewedOn) || (!!changedSince && reviewedOn < changedSince.day);
  if (older || (sameScore && sameText && (notLater || latest.reviewedOn === reviewedOn))) {
    outcome.unchanged.push(risk.ref);
    return;
  }
  const mitigationsChanged = !same(
    existing.mitigations.map((m) => m.text),
    risk.mitigations,
  );
  recordReview(db, actor, {
    riskId: existing.id,
    expectedVersion: existing.version,
    reviewedOn,
    forum: 'import',
    likelihood: risk.likelihood,
    control: risk.control,
    impact: risk.impact,
    reason: risk.reason,
    event: risk.event,
    consequences: risk.consequences,
    impactAreas: risk.impactAreas,
    mitigations: mitigationsChanged ? existing.mitigations.map((m) => ({ id: m.id, text: m.text, ownerId: m.ownerId, retire: true })) : undefined,
    newMitigations: mitigationsChanged ? risk.mitigations : undefined,
    removalRule: options.removalRule,
  });
  outcome.updated.push(risk.ref);
}

/** Refs already issued here (live or archived), so a preview can say what an import would add. */
export function existingRefs(db: Db): Set<string> {
  return new Set(
    db
      .select({ ref: risks.ref })
      .from(risks)
      .all()
      .map((r) => r.ref),
  );
}
