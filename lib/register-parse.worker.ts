/**
 * Reads an uploaded or pasted register in a worker thread (lib/register-file-worker.ts starts it), so a
 * hostile file costs this thread's time and memory, never the server's: the request thread keeps
 * answering other people while it runs, and stops it when it takes too long.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { previewRegisterFile, previewRegisterText } from './register-file';

type Job = { name: string; content: Uint8Array } | { text: string };

const job = workerData as Job;
const result = 'text' in job ? Promise.resolve(previewRegisterText(job.text)) : previewRegisterFile(job.name, Buffer.from(job.content));
result.then((preview) => parentPort!.postMessage(preview));
