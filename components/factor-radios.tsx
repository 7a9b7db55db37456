'use client';

import { Radios } from '@/components/govuk/form-fields';
import type { FactorKey, FactorLabels } from '@/lib/domain/settings';

const FACTOR_KEYS: FactorKey[] = ['likelihood', 'control', 'impact'];

/** The residual score's three factors as radios (1-4, each value's meaning as its hint), named as the settings name them. */
export function FactorRadios({
  factors,
  values,
  errors,
  onChange,
}: {
  factors: Record<FactorKey, FactorLabels>;
  values: Record<FactorKey, string>;
  errors: Record<string, string[] | undefined>;
  onChange?: (key: FactorKey, value: string) => void;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Residual risk score</h2>
      {FACTOR_KEYS.map((key) => (
        <Radios
          key={key}
          name={key}
          legend={`${factors[key].name} (${factors[key].abbreviation}): ${factors[key].scale}`}
          inline={false}
          options={([1, 2, 3, 4] as const).map((n) => ({ value: String(n), text: `${n}`, hint: factors[key].values[n] }))}
          defaultValue={values[key]}
          errors={errors[key]}
          onChange={onChange ? (value) => onChange(key, value) : undefined}
        />
      ))}
    </>
  );
}
