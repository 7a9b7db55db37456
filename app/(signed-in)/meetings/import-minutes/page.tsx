import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listMeetings } from '@/db/queries/meetings';
import { getLiveRegister } from '@/db/queries/risks';
import { listOwners } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/guard';
import { formatDay } from '@/lib/domain/dates';
import { MEETING_FORUMS } from '@/lib/domain/meetings';
import { today } from '@/lib/today';
import { ImportMinutes } from '../meeting-forms';

export const metadata: Metadata = { title: 'Import minutes' };

export default async function ImportMinutesPage() {
  await requirePermission('meeting:record');
  const db = getDb();
  const meetings = listMeetings(db);
  return (
    <div className="govuk-width-container">
      <Link href="/meetings" className="govuk-back-link">
        Back to meetings
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Import minutes</h1>
        <p className="govuk-body">
          The service proposes each commitment the minutes record, quoting the sentence it came from, with its minute, who gave it and when it is due. A
          sentence that promises nothing is not proposed. Confirm, edit or drop each one: confirmed commitments become actions with the minute as their source.
        </p>
        <ImportMinutes
          owners={listOwners(db).map((p) => ({ value: String(p.id), text: p.name }))}
          risks={getLiveRegister(db, today()).all.map((r) => ({ value: r.ref, text: `${r.ref}: ${r.event.slice(0, 70)}` }))}
          meetings={Object.fromEntries(
            MEETING_FORUMS.map((f) => [
              f,
              meetings.filter((m) => m.forum === f).map((m) => ({ value: m.on, text: `${formatDay(m.on)}${m.place ? `, ${m.place}` : ''}` })),
            ]),
          )}
        />
      </main>
    </div>
  );
}
