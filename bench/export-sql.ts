// Prints the review export's query text, for the benchmark's `sqlite3 -csv` storage floor.
import { REVIEW_EXPORT_SQL } from '../db/queries/exports';

process.stdout.write(REVIEW_EXPORT_SQL);
