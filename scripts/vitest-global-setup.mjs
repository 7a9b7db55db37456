// Vitest's global setup: the unit tests of lib/parse-job.ts run the compiled reader, as the server does.
import { buildJobs } from './build-jobs.mjs';

export default async function setup() {
  await buildJobs();
}
