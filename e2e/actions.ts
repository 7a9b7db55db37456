import { officeDay } from '../lib/domain/dates';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { openTestDb } from './helpers';

/** Every server action in the build, keyed "file#exportName", from Next's server reference manifest. */
export function builtActions(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/** The request body React sends for `action(previousState, formData)`. */
export async function actionBody(fields: Record<string, string | string[]>): Promise<FormData> {
  // React's encoder for server action arguments ships inside Next; this posts exactly what the browser would.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node') as { encodeReply: (v: unknown) => Promise<FormData | string> };
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) formData.append(k, one);
  const body = await encodeReply([undefined, formData]);
  if (typeof body === 'string') throw new Error('expected a multipart body');
  return body;
}

/** Calls a server action directly over HTTP, as a script (or an attacker) could, bypassing the page. */
export async function callAction(request: APIRequestContext, key: string, page: string, fields: Record<string, string | string[]>) {
  const id = builtActions().get(key);
  if (!id) throw new Error(`No server action ${key} in the build`);
  const response = await request.post(page, {
    headers: { 'Next-Action': id, Accept: 'text/x-component' },
    multipart: await actionBody(fields),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

/** Every route handler file under app/, as "app/…/route.ts". */
export function routeFiles(dir = 'app'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full.split(path.sep).join('/')] : [];
  });
}

/** Logs a monthly review of I10 today through the review action, as staff signed in on `request`. */
export async function reviewI10(request: APIRequestContext, fields: { likelihood: string; control: string; impact: string; reason: string; event: string }) {
  const db = openTestDb();
  const { version } = db.prepare("select version from risks where ref = 'I10'").get() as { version: number };
  db.close();
  const [year, month, day] = officeDay(new Date()).split('-').map(Number);
  return callAction(request, 'app/(signed-in)/risks/[ref]/review/server-actions.ts#reviewRiskAction', '/risks/I10/review', {
    ref: 'I10',
    intent: 'save',
    version: String(version),
    'reviewedOn-day': String(day),
    'reviewedOn-month': String(month),
    'reviewedOn-year': String(year),
    forum: 'monthly',
    consequences: 'Criticism from Government',
    impactAreas: 'Reputational',
    ...fields,
  });
}
