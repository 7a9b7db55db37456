/**
 * A realistic register at any size, for the benchmark and the crash test: inherent and topical risks,
 * monthly reviews with plausible score walks (most months nothing changes; now and then one factor moves by
 * one), topical risks archived when they fall below the removal threshold (a new topical risk then takes the
 * slot, so the live register keeps its size), consequences, mitigations and impact areas, inspection
 * findings with actions and their updates, and the hash-chained audit log all of it would have written.
 * Deterministic for a given seed and end date. Written with prepared statements in one transaction per
 * batch of risks: hundreds of thousands of reviews in seconds.
 */
import { addMonths, format, subYears } from 'date-fns';
import { auditHash, type ChainedEntry } from '@/lib/domain/audit-chain';
import { RECORDED_TABLES } from '@/lib/domain/row-digest';
import { auditKey } from '../audit-key';
import { rowCapture } from '../row-capture';
import { IMPACT_AREAS } from '@/lib/domain/impact-areas';
import type { Db } from '../client';
import { ensureBaselineSettings } from './demo';

export type SyntheticOptions = { risks: number; years: number; seed?: number; end?: string; onProgress?: (done: number) => void };
export type SyntheticSummary = {
  risks: number;
  live: number;
  archived: number;
  reviews: number;
  revisions: number;
  auditEntries: number;
  findings: number;
  actions: number;
  actionUpdates: number;
};

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVENTS = [
  'Failure to deliver the priorities set out in the Police and Crime Plan',
  'ICT services are not resilient enough to support effective policing',
  'Collaborative arrangements do not deliver the anticipated benefits',
  'Medium term financial strategy cannot be balanced without service reductions',
  'Failure to commission victim services that meet demand',
  'Loss of public confidence after a high-profile incident',
  'Delay in national programme affects local delivery',
  'Partnership funding withdrawn at short notice',
  'Data protection breach involving personal data',
  'Recruitment falls short of the planned officer numbers',
];
const CONSEQUENCES = [
  'Damage to reputation of PCC, OPCC and Force',
  'Reduced public confidence',
  'Financial pressure on reserves',
  'Criticism from HMICFRS',
  'Decline in force performance',
];
const MITIGATIONS = [
  'Monthly monitoring at CMB',
  'Quarterly report to the Panel',
  'Action plan agreed with the Force',
  'Budget contingency held',
  'Independent audit commissioned',
];
const REASONS_CHANGE = ['new information from the Force', 'mitigation delivered', 'national position changed', 'audit findings received', 'funding confirmed'];

export function seedSynthetic(db: Db, options: SyntheticOptions): SyntheticSummary {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const end = options.end ?? '2026-11-01';
  const start = format(subYears(new Date(`${end}T00:00:00Z`), options.years), 'yyyy-MM-dd');
  const months = options.years * 12;
  const day = (m: number) => format(addMonths(new Date(`${start}T00:00:00Z`), m), 'yyyy-MM-dd');
  ensureBaselineSettings(db, { demo: true, today: start });
  const sqlite = db.$client;

  const insertPerson = sqlite.prepare("INSERT INTO people (name, job_title, organisation) VALUES (?, ?, 'opcc')");
  const insertRisk = sqlite.prepare(
    'INSERT INTO risks (ref, category, ref_number, date_identified, event, status, owner_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
  );
  const finishRisk = sqlite.prepare('UPDATE risks SET status = ?, archived_on = ?, archived_reason = ?, version = ?, updated_at = ? WHERE id = ?');
  const insertRevision = sqlite.prepare(
    'INSERT INTO risk_revisions (risk_id, version, effective_from, event, category, status, owner_id, review_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertConsequence = sqlite.prepare('INSERT INTO risk_consequences (risk_id, position, text, valid_from, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertMitigation = sqlite.prepare('INSERT INTO risk_mitigations (risk_id, position, text, owner_id, valid_from, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertArea = sqlite.prepare('INSERT INTO risk_impact_areas (risk_id, area, valid_from, created_at) VALUES (?, ?, ?, ?)');
  const insertReview = sqlite.prepare(
    'INSERT INTO reviews (risk_id, sequence, reviewed_on, forum, reviewer_name, likelihood, control, impact, score, reason, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAudit = sqlite.prepare(
    'INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity_type, entity_id, summary, detail, records, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertInspection = sqlite.prepare(
    "INSERT INTO inspections (force, title, inspectorate, type, year, published_on, s55_status) VALUES (?, ?, 'HMICFRS', 'PEEL', ?, ?, 'published')",
  );
  const insertFinding = sqlite.prepare(
    "INSERT INTO findings (inspection_id, kind, reference, component, text, sub_items, status, opcc_owner_id) VALUES (?, 'area-for-improvement', ?, ?, ?, '[]', ?, ?)",
  );
  const insertAction = sqlite.prepare(
    'INSERT INTO actions (title, source_type, source_ref, finding_id, risk_id, owner_id, due_on, status, completed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertUpdate = sqlite.prepare('INSERT INTO action_updates (action_id, note, status_after, author_name, created_at) VALUES (?, ?, ?, ?, ?)');

  const key = auditKey();
  let prevHash = (sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string | null } | undefined)?.hash ?? null;
  const summary: SyntheticSummary = { risks: 0, live: 0, archived: 0, reviews: 0, revisions: 0, auditEntries: 0, findings: 0, actions: 0, actionUpdates: 0 };
  // Each entry records the rows of recorded tables written since the one before, as the connection
  // captured them (db/row-capture.ts), as writeAudit does.
  const capture = rowCapture(sqlite);
  const readRow = new Map(RECORDED_TABLES.map((t) => [t as string, sqlite.prepare(`SELECT * FROM "${t}" WHERE rowid = ?`)]));
  const audit = (at: string, action: string, entityType: string, entityId: string, text: string, detail: unknown) => {
    const records = capture.take((table, id) => readRow.get(table)!.get(id) as Record<string, unknown> | undefined);
    const entry: ChainedEntry = {
      at,
      actorUserId: null,
      actorLabel: 'synthetic data',
      action,
      entityType,
      entityId,
      summary: text,
      detail: detail ?? null,
      records,
    };
    const hash = auditHash(key, prevHash, entry);
    insertAudit.run(
      at,
      null,
      entry.actorLabel,
      action,
      entityType,
      entityId,
      text,
      detail === undefined ? null : JSON.stringify(detail),
      records ? JSON.stringify(records) : null,
      prevHash,
      hash,
    );
    prevHash = hash;
    summary.auditEntries++;
  };

  // Writes to recorded tables are refused outside an audited transaction; this one audits its own.
  capture.depth++;
  try {
    return writeHistory();
  } finally {
    capture.depth--;
    capture.clear();
  }

  function writeHistory(): SyntheticSummary {
    const people = sqlite.transaction(() => {
      const ids = Array.from({ length: 30 }, (_, i) => Number(insertPerson.run(`Owner ${i + 1}`, i % 3 ? 'Officer' : 'Head of service').lastInsertRowid));
      audit(`${day(0)}T08:00:00.000Z`, 'person.create', 'person', '', `Added ${ids.length} owners`, { people: ids.length });
      return ids;
    })();
    const maxRef = (category: string) =>
      (sqlite.prepare('SELECT coalesce(max(ref_number), 0) AS n FROM risks WHERE category = ?').get(category) as { n: number }).n;
    const nextNumber = { inherent: maxRef('inherent'), topical: maxRef('topical') };
    const clamp = (v: number) => Math.min(4, Math.max(1, v));
    const threshold = 10;

    /** One risk from the month it is identified until it is archived or the end; returns the month it ended, or null if still live. */
    function lifecycle(category: 'inherent' | 'topical', fromMonth: number): number | null {
      const number = ++nextNumber[category];
      const ref = `${category === 'inherent' ? 'I' : 'T'}${number}`;
      const identified = day(fromMonth);
      const at = `${identified}T09:00:00.000Z`;
      const owner = pick(people);
      const event = `${pick(EVENTS)} (${ref})`;
      const riskId = Number(insertRisk.run(ref, category, number, identified, event, 'live', owner, at, at).lastInsertRowid);
      summary.risks++;
      for (let p = 0; p < 3; p++) insertConsequence.run(riskId, p, pick(CONSEQUENCES), identified, at);
      for (let p = 0; p < 3; p++) insertMitigation.run(riskId, p, pick(MITIGATIONS), pick(people), identified, at);
      const areas = new Set([pick(IMPACT_AREAS), pick(IMPACT_AREAS)]);
      for (const area of areas) insertArea.run(riskId, area, identified, at);
      audit(at, 'risk.create', 'risk', ref, `Created ${ref}`, { category });

      let l = clamp(1 + Math.floor(rnd() * 4));
      let c = clamp(1 + Math.floor(rnd() * 4));
      let i = clamp(2 + Math.floor(rnd() * 3));
      if (category === 'topical' && l * c * i < threshold + 2) [l, c, i] = [3, 2, 2];
      let version = 1;
      let last: number | null = null;
      for (let m = fromMonth, sequence = 1; m <= months; m++, sequence++) {
        const reviewedOn = day(m);
        const reviewAt = `${reviewedOn}T10:00:00.000Z`;
        let reason = 'business as usual';
        if (last !== null && rnd() < 0.25) {
          const factor = Math.floor(rnd() * 3);
          const step = rnd() < 0.5 ? -1 : 1;
          if (factor === 0) l = clamp(l + step);
          else if (factor === 1) c = clamp(c + step);
          else i = clamp(i + step);
          reason = pick(REASONS_CHANGE);
        }
        const score = l * c * i;
        const forum = m % 3 === 0 ? 'cmb' : 'monthly';
        const reviewId = Number(
          insertReview.run(riskId, sequence, reviewedOn, forum, 'Synthetic reviewer', l, c, i, score, last === null ? null : reason, 'synthetic', reviewAt)
            .lastInsertRowid,
        );
        summary.reviews++;
        const archive = category === 'topical' && score < threshold;
        version++;
        insertRevision.run(riskId, version, reviewedOn, event, category, archive ? 'archived' : 'live', owner, reviewId, reviewAt);
        summary.revisions++;
        audit(reviewAt, 'review.record', 'risk', ref, `Review of ${ref} on ${reviewedOn}: L${l} C${c} I${i} = ${score}`, {
          reviewId,
          forum,
          changes: [],
          archived: archive,
          reinstated: false,
        });
        last = score;
        if (archive) {
          finishRisk.run('archived', reviewedOn, 'Score below the removal threshold', version, reviewAt, riskId);
          summary.archived++;
          return m;
        }
      }
      finishRisk.run('live', null, null, version, `${day(months)}T10:00:00.000Z`, riskId);
      summary.live++;
      return null;
    }

    const BATCH = 50;
    for (let from = 0; from < options.risks; from += BATCH) {
      sqlite.transaction(() => {
        for (let slot = from; slot < Math.min(options.risks, from + BATCH); slot++) {
          const category = slot % 5 < 3 ? 'inherent' : 'topical';
          // Risks are identified through the first year; a topical slot refills the month after an archive.
          let month: number | null = Math.floor(rnd() * Math.min(12, months));
          while (month !== null && month < months) {
            const ended = lifecycle(category, month);
            month = ended === null ? null : ended + 1;
          }
          if (month !== null && category === 'topical') lifecycle('topical', months);
        }
      })();
      options.onProgress?.(Math.min(options.risks, from + BATCH));
    }

    // Inspections: one a year with a handful of findings, each with actions and their progress updates.
    sqlite.transaction(() => {
      for (let y = 0; y < options.years; y++) {
        const published = day(y * 12 + 3);
        const inspectionId = Number(
          insertInspection.run('Synthetic Police', `PEEL assessment ${published.slice(0, 4)}`, published.slice(0, 4), published).lastInsertRowid,
        );
        for (let f = 1; f <= 6; f++) {
          const findingId = Number(
            insertFinding.run(
              inspectionId,
              `AFI-${y + 1}-${f}`,
              'Planning for the future',
              `The force should improve area ${f} of year ${y + 1}.`,
              y < options.years - 1 ? 'closed' : 'open',
              pick(people),
            ).lastInsertRowid,
          );
          summary.findings++;
          for (let a = 0; a < 2; a++) {
            const due = day(y * 12 + 6 + a * 3);
            const done = y < options.years - 1;
            const actionId = Number(
              insertAction.run(
                `Action ${a + 1} for finding ${f} (${published.slice(0, 4)})`,
                'finding',
                null,
                findingId,
                null,
                pick(people),
                due,
                done ? 'completed' : 'in-progress',
                done ? due : null,
                `${published}T09:00:00.000Z`,
              ).lastInsertRowid,
            );
            summary.actions++;
            for (let u = 0; u < 3; u++) {
              insertUpdate.run(
                actionId,
                `Progress update ${u + 1}`,
                u === 2 && done ? 'completed' : 'in-progress',
                'Synthetic owner',
                `${day(y * 12 + 4 + u)}T09:00:00.000Z`,
              );
              summary.actionUpdates++;
            }
            audit(`${published}T09:00:00.000Z`, 'action.create', 'action', String(actionId), `Created action ${actionId}`, { findingId });
          }
        }
      }
      // Rows written after the last entry above (a risk's closing revision, say) are recorded by one more.
      if (capture.size) audit(`${day(months)}T10:00:00.000Z`, 'seed.synthetic', 'register', '', 'Synthetic history written', summary);
    })();
    return summary;
  }
}
