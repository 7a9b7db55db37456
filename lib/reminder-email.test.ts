import { expect, it } from 'vitest';
import { composeDigest } from './reminder-email';

it('a name with line breaks in it stays on the greeting line of the text and the HTML', () => {
  const mail = composeDigest('Alex\r\nBcc: everyone@example.org\n\nSent by the Commissioner', [], 'https://risks.example.org');
  const lines = mail.text.split('\n');
  expect(lines[0]).toBe('Dear Alex Bcc: everyone@example.org Sent by the Commissioner,');
  expect(lines.filter((l) => l.startsWith('Bcc:'))).toEqual([]);
  expect(mail.html).toContain('Dear Alex Bcc: everyone@example.org Sent by the Commissioner,');
});
