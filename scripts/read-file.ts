/** For the command-line tools: a file's bytes, or "Cannot read FILE" and exit code 2. */
import fs from 'node:fs';

export function readFileOrExit(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    console.error(`Cannot read ${file}`);
    process.exit(2);
  }
}
