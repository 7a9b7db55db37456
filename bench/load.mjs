// A small load generator for loopback: keep-alive HTTP/1.1 connections, each sending its next request as
// soon as the last one ends, recording every request's latency. Plain Node, no dependencies.
import http from 'node:http';

/** Median and 95th percentile (nearest rank) of a list of numbers. */
export function percentiles(values) {
  if (!values.length) return { median: NaN, p95: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Sends requests from `connections` concurrent clients until `requests` have completed or `durationMs`
 * has passed. `request(client, n)` returns { path, method?, headers?, body? }; `check(response, text, client)`
 * returns true for a success. With `text: false` the body is read to its end but decoded only for an
 * error's message, and `check` gets null: decoding every 86 kB answer to a saved review was a fifth of
 * this process's CPU, which shares the machine with the server it measures. Returns latencies (ms),
 * throughput and error counts.
 */
export async function load({
  port,
  connections = 1,
  requests = Infinity,
  durationMs = Infinity,
  request,
  check = (res) => res.statusCode === 200,
  text: decode = true,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  const errors = [];
  let started = 0;
  const begin = performance.now();
  const deadline = begin + durationMs;
  async function client(index) {
    for (;;) {
      if (started >= requests || performance.now() >= deadline) return;
      const n = started++;
      const spec = await request(index, n);
      const t0 = performance.now();
      try {
        const { response, body } = await send(agent, port, spec);
        const ms = performance.now() - t0;
        if (await check(response, decode ? body.toString('utf8') : null, index)) latencies.push(ms);
        else
          errors.push(
            `${response.statusCode} ${spec.path}: ${body.toString('utf8').slice(0, process.env.BENCH_ERROR_CHARS ? Number(process.env.BENCH_ERROR_CHARS) : 200)}`,
          );
      } catch (error) {
        errors.push(`${spec.path}: ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
  const elapsed = performance.now() - begin;
  agent.destroy();
  return { ...percentiles(latencies), ok: latencies.length, errors, elapsedMs: elapsed, perSecond: (latencies.length / elapsed) * 1000 };
}

function send(agent, port, { path, method = 'GET', headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}
