import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { reminderData, reminderRecipients } from '@/db/queries/reminders';
import { calendarFeeds, registerSnapshots } from '@/db/schema';
import { calendarFeed } from '@/lib/calendar-feed';
import { listCommitments, listMeetings } from '@/db/queries/meetings';
import { isOpen, MEETING_FORUM_SHORT } from '@/lib/domain/meetings';
import { FORUM_LABEL } from '@/lib/domain/forums';
import { serviceUrl } from '@/lib/mailer';
import { sha256 } from '@/lib/sha256';
import { today } from '@/lib/today';

export const dynamic = 'force-dynamic';

/**
 * A person's calendar feed. The secret token in the address is the credential (calendar clients cannot sign
 * in): it is compared by its SHA-256, and a wrong, revoked or deactivated one gets the same bare 404, so the
 * address reveals nothing. Read-only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  const clean = token.replace(/\.ics$/, '');
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(clean)) return notFound();
  const db = getDb();
  const feed = db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenSha256, sha256(clean)), isNull(calendarFeeds.revokedAt)))
    .get();
  const recipients = reminderRecipients(db);
  const person = feed ? recipients.find((r) => r.userId === feed.userId && r.active) : undefined;
  if (!person) return notFound();
  const base = serviceUrl();
  const meetings = db
    .select()
    .from(registerSnapshots)
    .all()
    .map((s) => ({ snapshotId: s.id, forum: FORUM_LABEL[s.forum], meetingOn: s.meetingOn }));
  const commitments = listCommitments(db);
  const forumMeetings = listMeetings(db).map((m) => ({
    id: m.id,
    name: `${MEETING_FORUM_SHORT[m.forum]} meeting`,
    meetingOn: m.on,
    commitmentsDue: commitments.filter((c) => c.due?.id === m.id && isOpen(c)).length,
  }));
  const body = calendarFeed(person, reminderData(db, today(), recipients), meetings, base, new URL(base).host, forumMeetings);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="opcc-risk-register.ics"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
