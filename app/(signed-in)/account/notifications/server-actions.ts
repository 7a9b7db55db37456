'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createCalendarFeed, revokeCalendarFeed, saveReminderPreferences } from '@/db/mutations/notifications';
import { authedAction } from '@/lib/auth/guard';
import { REMINDER_KINDS } from '@/lib/domain/reminders';
import { serviceUrl } from '@/lib/mailer';
import type { FormState } from '@/lib/validation/form-state';

const preferencesSchema = z.object({
  kinds: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.enum(REMINDER_KINDS, { error: 'Choose reminders from the list' }))),
  frequency: z.enum(['daily', 'weekly'], { error: 'Choose whether you get reminders every day or once a week' }),
});

/** Saves which reminders the signed-in person gets (the boxes ticked) and how often; audited. */
export const saveReminderPreferencesAction = authedAction('account:manage-own-reminders', preferencesSchema, (input, user, values): FormState => {
  const wanted = new Set(input.kinds);
  const result = saveReminderPreferences(
    getDb(),
    { userId: user.id, label: user.name },
    { off: REMINDER_KINDS.filter((k) => !wanted.has(k)), frequency: input.frequency },
  );
  revalidatePath('/account/notifications');
  return { ok: true, message: result === 'saved' ? 'Your reminder choices have been saved.' : 'Nothing had changed, so nothing was saved.', values };
});

/** Turns on a calendar feed and shows its address once. */
export const createCalendarFeedAction = authedAction('account:manage-own-reminders', z.object({}), (_input, user): FormState => {
  const token = createCalendarFeed(getDb(), { userId: user.id, label: user.name });
  revalidatePath('/account/notifications');
  return {
    ok: true,
    message: 'Your calendar feed is on. Copy its address now: it is shown only once.',
    data: { feedUrl: `${serviceUrl()}/api/calendar/${token}.ics` },
  };
});

/** Turns the calendar feed off: its address stops working at once. The page then says so (its form is gone with the feed). */
export const revokeCalendarFeedAction = authedAction('account:manage-own-reminders', z.object({}), (_input, user): FormState => {
  revokeCalendarFeed(getDb(), { userId: user.id, label: user.name });
  revalidatePath('/account/notifications');
  redirect('/account/notifications?calendar=off');
});
