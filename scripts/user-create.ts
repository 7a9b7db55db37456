/**
 * Creates an account from the command line, e.g. the first administrator on an empty database:
 *   npm run user:create -- --email E --name N --role R
 * The password is read from NEW_USER_PASSWORD, or asked for at the prompt (not echoed).
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { z } from 'zod';
import { databasePath, openDatabase } from '../db/client';
import { createUser } from '../db/mutations/users';
import { DuplicateEmailError } from '@/db/errors';
import { hashPassword } from '../lib/auth/passwords';
import { addUserSchema } from '../lib/validation/users';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    output._writeToOutput = (s: string) => {
      if (s.includes(question)) output.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });
  let password = process.env.NEW_USER_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('Set NEW_USER_PASSWORD or run this in a terminal to be asked for the password.');
      process.exit(2);
    }
    password = await askHidden('Password for the new user (12 characters or more): ');
  }
  const parsed = addUserSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    for (const [field, errors] of Object.entries(flat.fieldErrors)) console.error(`--${field}: ${(errors as string[])[0]}`);
    console.error('Usage: npm run user:create -- --email E --name N --role admin|staff|owner|board|auditor');
    process.exit(2);
  }
  const db = openDatabase(databasePath());
  try {
    const id = createUser(db, { userId: null, label: 'command line: user:create' }, { ...parsed.data, passwordHash: await hashPassword(parsed.data.password) });
    console.log(`Created user ${id}: ${parsed.data.name} <${parsed.data.email}> as ${parsed.data.role}`);
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
