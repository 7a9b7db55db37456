import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceUrl, ServiceUrlMissingError } from './mailer';
import { composeDigest } from './reminder-email';

it('a name with line breaks in it stays on the greeting line of the text and the HTML', () => {
  const mail = composeDigest('Alex\r\nBcc: everyone@example.org\n\nSent by the Commissioner', [], 'https://risks.example.org');
  const lines = mail.text.split('\n');
  expect(lines[0]).toBe('Dear Alex Bcc: everyone@example.org Sent by the Commissioner,');
  expect(lines.filter((l) => l.startsWith('Bcc:'))).toEqual([]);
  expect(mail.html).toContain('Dear Alex Bcc: everyone@example.org Sent by the Commissioner,');
});

describe('the links’ address', () => {
  it('is required wherever an email can reach someone, and falls back to localhost only for a local trial', () => {
    expect(() => serviceUrl({ SMTP_URL: 'smtp://mail.example.org:587' } as unknown as NodeJS.ProcessEnv)).toThrow(ServiceUrlMissingError);
    expect(() => serviceUrl({ NODE_ENV: 'production' } as unknown as NodeJS.ProcessEnv)).toThrow(/Set NEXTAUTH_URL/);
    expect(serviceUrl({ NEXTAUTH_URL: 'https://risks.example.org/', SMTP_URL: 'smtp://x' } as unknown as NodeJS.ProcessEnv)).toBe('https://risks.example.org');
    expect(serviceUrl({} as unknown as NodeJS.ProcessEnv)).toBe('http://localhost:3000');
  });

  it('npm run reminders:send with a mail server and no NEXTAUTH_URL stops before claiming anything, naming the setting', () => {
    const result = spawnSync(path.join(__dirname, '..', 'node_modules', '.bin', 'tsx'), ['scripts/reminders-send.ts'], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, NEXTAUTH_URL: '', SMTP_URL: 'smtp://127.0.0.1:9', DATABASE_PATH: path.join(os.tmpdir(), 'never-opened', 'x.db') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Set NEXTAUTH_URL');
    expect(fs.existsSync(path.join(os.tmpdir(), 'never-opened'))).toBe(false);
  }, 30_000);
});
