'use client';

import { ActionForm, echoed } from '@/components/forms/action-form';
import { FieldError } from '@/components/forms/field-error';
import { Cell, Row, RowHeader, Table } from '@/components/govuk/table';
import { assignOwnersAction } from './server-actions';

export type OwnerRow = { ref: string; event: string; ownerId: number | null; version: number };

/** Every live risk with a choice of owner; one Save writes the changed ones. */
export function OwnersForm({ risks, people }: { risks: OwnerRow[]; people: Array<{ id: number; name: string }> }) {
  return (
    <ActionForm action={assignOwnersAction} firstField={risks[0] ? `owner-${risks[0].ref}` : 'owners'} submitText="Save owners">
      {(state) => (
        <Table caption="Live risks and their owners" captionSize="m" columns={[{ header: 'ID' }, { header: 'Event' }, { header: 'Risk owner' }]}>
          {risks.map((risk) => {
            const field = `owner-${risk.ref}`;
            const errors = state?.fieldErrors?.[field];
            const chosen = echoed(state, field, risk.ownerId === null ? '' : String(risk.ownerId));
            return (
              <Row key={risk.ref} data-ref={risk.ref}>
                <RowHeader>{risk.ref}</RowHeader>
                <Cell>{risk.event}</Cell>
                <Cell>
                  <div className={`govuk-form-group govuk-!-margin-bottom-0${errors ? ' govuk-form-group--error' : ''}`}>
                    <label className="govuk-label govuk-visually-hidden" htmlFor={field}>
                      Owner of {risk.ref}
                    </label>
                    <FieldError id={field} errors={errors} />
                    <input type="hidden" name={`version-${risk.ref}`} value={echoed(state, `version-${risk.ref}`, String(risk.version))} />
                    <select
                      key={chosen}
                      className={`govuk-select${errors ? ' govuk-select--error' : ''}`}
                      id={field}
                      name={field}
                      defaultValue={chosen}
                      aria-describedby={errors ? `${field}-error` : undefined}
                    >
                      <option value="">Unassigned</option>
                      {people.map((p) => (
                        <option key={p.id} value={String(p.id)}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </div>
                </Cell>
              </Row>
            );
          })}
        </Table>
      )}
    </ActionForm>
  );
}
