/**
 * A reminder digest as an email, plain in the GOV.UK Notify manner: a subject that says what is due, then
 * each item's reference, short title, what is due when, and a link; a line on changing preferences. Text
 * and HTML parts say the same. Only references and titles: never a risk's consequences or mitigations.
 * The HTML part is rendered from JSX (react-dom/server), so every value is escaped.
 */
import { shortTitle } from '@/lib/domain/short-title';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatDay } from '@/lib/domain/dates';
import type { ReminderItem } from '@/lib/domain/reminders';

export const SERVICE_NAME = 'OPCC risk register';

const short = (title: string) => shortTitle(title);

/** What is due when, in words. */
export function dueText(item: ReminderItem): string {
  const what = { review: 'Review', action: 'Action', finding: 'Deadline', s55: 's.55 response', proposal: 'Proposal', report: 'Report', plan: 'Commitment' }[
    item.kind
  ];
  switch (item.when) {
    case 'due-soon':
      return `${what} due ${formatDay(item.dueOn)}`;
    case 'due-today':
      return `${what} due today`;
    case 'overdue':
      return `${what} overdue since ${formatDay(item.dueOn)}`;
    case 'waiting':
      return `Waiting for a decision since ${formatDay(item.dueOn)}`;
    case 'published':
      return `Published for the meeting on ${formatDay(item.dueOn)}`;
    case 'off-plan':
      return `Not on the forward plan of the meeting on ${formatDay(item.dueOn)}`;
  }
}

/** "2 overdue and 1 due soon – OPCC risk register". */
export function digestSubject(items: readonly ReminderItem[]): string {
  const overdue = items.filter((i) => i.when === 'overdue').length;
  const due = items.filter((i) => i.when === 'due-soon' || i.when === 'due-today').length;
  const other = items.length - overdue - due;
  const parts = [overdue ? `${overdue} overdue` : '', due ? `${due} due soon` : '', other ? `${other} ${other === 1 ? 'item' : 'items'} to note` : ''].filter(
    Boolean,
  );
  return `${parts.join(' and ')} – ${SERVICE_NAME}`;
}

function DigestHtml({ name, items, baseUrl }: { name: string; items: readonly ReminderItem[]; baseUrl: string }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: 'Arial, sans-serif', fontSize: '16px', color: '#0b0c0c' }}>
        <p>Dear {name},</p>
        <p>These need your attention in the {SERVICE_NAME}:</p>
        <ul>
          {items.map((item) => (
            <li key={item.occasion} style={{ marginBottom: '8px' }}>
              <strong>{item.ref}</strong>: {short(item.title)}
              <br />
              {dueText(item)}: <a href={`${baseUrl}${item.path}`}>{`${baseUrl}${item.path}`}</a>
            </li>
          ))}
        </ul>
        <p>
          To choose which reminders you get, or to get them weekly, go to <a href={`${baseUrl}/account/notifications`}>{`${baseUrl}/account/notifications`}</a>.
        </p>
      </body>
    </html>
  );
}

/** A name on one line: line breaks and other control characters typed into it become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** The digest for one person: subject, text and HTML. */
export function composeDigest(fullName: string, items: readonly ReminderItem[], baseUrl: string): { subject: string; text: string; html: string } {
  const base = baseUrl.replace(/\/+$/, '');
  // A name with a line break would otherwise start a line of its own in the text part (a fake "Bcc:", say).
  const name = oneLine(fullName);
  const text = [
    `Dear ${name},`,
    '',
    `These need your attention in the ${SERVICE_NAME}:`,
    '',
    ...items.flatMap((item) => [`* ${item.ref}: ${short(item.title)}`, `  ${dueText(item)}: ${base}${item.path}`, '']),
    `To choose which reminders you get, or to get them weekly, go to ${base}/account/notifications.`,
    '',
  ].join('\n');
  return { subject: digestSubject(items), text, html: `<!DOCTYPE html>${renderToStaticMarkup(<DigestHtml name={name} items={items} baseUrl={base} />)}` };
}
