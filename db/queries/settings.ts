import { asc } from 'drizzle-orm';
import { DEFAULT_SETTINGS, settingInForce, type RegisterSettings } from '@/lib/domain/settings';
import type { Db } from '../client';
import { registerSettings, type RegisterSettingsRow } from '../schema';

/** Every settings decision, oldest first. */
export function listSettingsHistory(db: Db): RegisterSettingsRow[] {
  return db.select().from(registerSettings).orderBy(asc(registerSettings.effectiveFrom), asc(registerSettings.id)).all();
}

/** Applies a stored decision over the defaults (descriptors of each value stay the defaults'). */
export function toRegisterSettings(row: RegisterSettingsRow | null): RegisterSettings {
  if (!row) return DEFAULT_SETTINGS;
  const f = DEFAULT_SETTINGS.factors;
  return {
    appetite: row.appetite,
    removalComparator: row.removalComparator,
    removalThreshold: row.removalThreshold,
    factors: {
      likelihood: { ...f.likelihood, name: row.likelihoodName },
      control: { ...f.control, name: row.controlName, scale: row.controlScale },
      impact: { ...f.impact, name: row.impactName },
    },
  };
}

/** The settings in force on a day; the paper's defaults where no decision is recorded yet. */
export function getSettingsInForce(db: Db, onDay: string): RegisterSettings & { decision: RegisterSettingsRow | null } {
  const history = listSettingsHistory(db);
  const row = settingInForce(
    history.map((value) => ({ effectiveFrom: value.effectiveFrom, value })),
    onDay,
  );
  return { ...toRegisterSettings(row), decision: row };
}
