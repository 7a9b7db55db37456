/**
 * One demo account per role, all with the password "demo-password", and the owner account made the
 * owner of a few risks. Only with the demo data; SEED_DEMO=false seeds no accounts.
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/passwords';
import type { Role } from '@/lib/auth/permissions';
import { today } from '@/lib/today';
import type { Db } from '../client';
import { writeTransaction } from '../transaction';
import { writeAudit, type Actor } from '../mutations/audit';
import { applyRiskOwner } from '../mutations/risks';
import { appMeta, people, risks, users } from '../schema';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACCOUNTS_KEY = 'demo-accounts';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; jobTitle: string; organisation: 'opcc' | 'force' }> = [
  { email: 'admin@example.org', name: 'Demo Administrator', role: 'admin', jobTitle: 'Register system owner', organisation: 'opcc' },
  { email: 'staff@example.org', name: 'Demo Staff Officer', role: 'staff', jobTitle: 'Commissioning and Policy Officer', organisation: 'opcc' },
  { email: 'owner@example.org', name: 'Demo Risk Owner', role: 'owner', jobTitle: 'Head of Finance', organisation: 'opcc' },
  { email: 'board@example.org', name: 'Demo Board Member', role: 'board', jobTitle: 'Commissioner’s Monitoring Board member', organisation: 'opcc' },
  { email: 'auditor@example.org', name: 'Demo Auditor', role: 'auditor', jobTitle: 'Internal auditor', organisation: 'opcc' },
];

/** The risks the demo owner owns. */
export const DEMO_OWNED_REFS = ['I8', 'T4', 'T7'];

const ACTOR: Actor = { userId: null, label: 'system: demo data' };

/** Seeds the demo accounts once; returns how many were created. */
export async function seedDemoAccounts(db: Db): Promise<number> {
  if (db.select().from(appMeta).where(eq(appMeta.key, DEMO_ACCOUNTS_KEY)).get()) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).limit(1).get()) return 0;
    let ownerPersonId: number | null = null;
    for (const account of DEMO_ACCOUNTS) {
      const person = tx
        .insert(people)
        .values({ name: account.name, jobTitle: account.jobTitle, organisation: account.organisation, email: account.email })
        .returning({ id: people.id })
        .get();
      const user = tx
        .insert(users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          personId: person.id,
          passwordChangedAt: new Date().toISOString(),
        })
        .returning({ id: users.id })
        .get();
      if (account.role === 'owner') ownerPersonId = person.id;
      writeAudit(tx, ACTOR, { action: 'user.create', entityType: 'user', entityId: user.id, summary: `Demo account ${account.email} (${account.role})` });
    }
    const effectiveFrom = today();
    for (const ref of DEMO_OWNED_REFS) {
      if (tx.select({ id: risks.id }).from(risks).where(eq(risks.ref, ref)).get()) applyRiskOwner(tx, ACTOR, { ref, ownerId: ownerPersonId, effectiveFrom });
    }
    tx.insert(appMeta)
      .values({ key: DEMO_ACCOUNTS_KEY, value: DEMO_ACCOUNTS.map((a) => a.email).join(',') })
      .run();
    return DEMO_ACCOUNTS.length;
  });
}
