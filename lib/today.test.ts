import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { officeDay } from './domain/dates';

const ROOT = path.join(__dirname, '..');

it('today() is London’s day under whatever TZ the process runs in', () => {
  const london = officeDay(new Date());
  for (const tz of ['Pacific/Pago_Pago', 'Pacific/Kiritimati', 'UTC']) {
    const day = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', "console.log(require('./lib/today.ts').today())"], {
      cwd: ROOT,
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    }).trim();
    // A run that straddles London's midnight may see the next day.
    expect([london, officeDay(new Date())]).toContain(day);
  }
}, 30_000);
