import type { Metadata } from 'next';
import Link from 'next/link';
import { and, eq, isNull } from 'drizzle-orm';
import { SuccessBanner } from '@/components/govuk/success-banner';
import { getDb } from '@/db/client';
import { reminderRecipients } from '@/db/queries/reminders';
import { calendarFeeds } from '@/db/schema';
import { requirePermission } from '@/lib/auth/guard';
import { formatTime } from '@/lib/domain/dates';
import { REMINDER_KINDS_FOR_ROLE, type ReminderKind } from '@/lib/domain/reminders';
import { CalendarFeedForms, ReminderPreferencesForm } from './notifications-forms';

export const metadata: Metadata = { title: 'Reminders and calendar' };

/** The reminders the signed-in person gets, how often, and their private calendar feed. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ calendar?: string | string[] }> }) {
  const user = await requirePermission('account:manage-own-reminders');
  const turnedOff = (await searchParams).calendar === 'off';
  const db = getDb();
  const me = reminderRecipients(db).find((r) => r.userId === user.id)!;
  const office = user.role === 'staff' || user.role === 'admin';
  // Only the kinds that can reach this role; the s.55 reminder to staff and administrators is a legal duty, not a choice.
  const kinds = [...REMINDER_KINDS_FOR_ROLE[user.role]];
  const feed = db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, user.id), isNull(calendarFeeds.revokedAt)))
    .get();
  return (
    <div className="govuk-width-container">
      <Link href="/account" className="govuk-back-link">
        Back to your account
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        {turnedOff && !feed ? <SuccessBanner id="calendar-off-title">Your calendar feed is off. Its address no longer works.</SuccessBanner> : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Reminders and calendar</h1>
            <p className="govuk-body">
              Reminder emails go to {user.email}: at most one a day, listing what is due or overdue for you, each with a link to its page.
            </p>
            {office ? (
              <div className="govuk-inset-text">
                As office staff you always get the reminder of an s.55 response due or overdue: the response is a legal duty, so it cannot be turned off.
              </div>
            ) : null}
            <ReminderPreferencesForm kinds={kinds} receiving={kinds.filter((k) => !me.off.has(k as ReminderKind))} frequency={me.frequency} />
            <h2 className="govuk-heading-m">Calendar feed</h2>
            <p className="govuk-body">
              Subscribe from Outlook or another calendar to see your review due dates, action due dates, finding deadlines
              {office ? ', s.55 response dates' : ''} and meeting dates, each linking back here. The address is private to you and can be turned off at any
              time.
            </p>
            <p className="govuk-body" data-testid="calendar-status">
              {feed ? `Your calendar feed is on (since ${formatTime(feed.createdAt)}).` : 'Your calendar feed is off.'}
            </p>
            <CalendarFeedForms on={!!feed} />
          </div>
        </div>
      </main>
    </div>
  );
}
