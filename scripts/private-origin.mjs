// Keeps each server action's redirect render in the worker that ran the action.
//
// When a server action redirects (a saved review goes back to its risk's page), Next renders the target page
// by fetching it from its own origin and sends that render back with the action's answer. Under
// scripts/serve.mjs the origin is the port every worker shares, so that fetch went to whichever worker its
// pooled connection had been handed to: one worker could end up rendering more of the other's saves than its
// own, and each save crossed between processes. This gives the worker a second listener, on a loopback port of
// its own, serving the same request handler, and points Next's fetch there (`__NEXT_PRIVATE_ORIGIN`, which
// Next reads on every redirect and sets itself when its server starts listening; if a later Next stops
// reading it, the fetch goes to the shared port as before).
//
// 20 clients saving reviews on two workers, the same build in turns (eight pairs of 30 s runs): p95 lower in
// six pairs of eight, by 23 ms on average (246 against 269 ms); the README has the figures.
import http from 'node:http';

/**
 * Call before the server starts: the first http server to listen in this process (Next's) gets the private
 * twin. Returns a promise of the private origin, for tests.
 */
export function renderRedirectsInThisProcess({ log = console.error } = {}) {
  const listen = http.Server.prototype.listen;
  return new Promise((resolve) => {
    http.Server.prototype.listen = function patchedListen(...args) {
      http.Server.prototype.listen = listen;
      const shared = this;
      const twin = http.createServer((req, res) => shared.emit('request', req, res));
      twin.on('error', (error) => {
        log(`redirect renders stay on the shared port: ${error.message}`);
        resolve(null);
      });
      // After Next's own 'listening' handler, which sets __NEXT_PRIVATE_ORIGIN to the shared port. Exclusive:
      // in a cluster worker a listen is otherwise the primary's shared handle.
      shared.once('listening', () => {
        twin.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
          const origin = `http://127.0.0.1:${twin.address().port}`;
          process.env.__NEXT_PRIVATE_ORIGIN = origin;
          resolve(origin);
        });
      });
      shared.once('close', () => twin.close());
      return listen.apply(this, args);
    };
  });
}
