import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRedirectsInThisProcess } from './private-origin.mjs';

const before = process.env.__NEXT_PRIVATE_ORIGIN;
afterEach(() => {
  if (before === undefined) delete process.env.__NEXT_PRIVATE_ORIGIN;
  else process.env.__NEXT_PRIVATE_ORIGIN = before;
});

describe('renderRedirectsInThisProcess', () => {
  it('serves the first listening server’s handler on a loopback port of its own and points Next’s redirect fetch there', async () => {
    const origin = renderRedirectsInThisProcess({ log: () => {} });
    const server = http.createServer((req, res) => res.end(`served ${req.method} ${req.url}`));
    // As Next does: its own 'listening' handler, registered before listen, sets the shared origin first.
    server.on('listening', () => {
      process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const privateOrigin = await origin;
    const shared = (server.address() as AddressInfo).port;
    expect(privateOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(privateOrigin!).port).not.toBe(String(shared));
    expect(process.env.__NEXT_PRIVATE_ORIGIN).toBe(privateOrigin);
    expect(await (await fetch(`${privateOrigin}/risks/I1?reviewed=1`)).text()).toBe('served GET /risks/I1?reviewed=1');
    // Only the first server gets a twin, and closing it closes the twin.
    const other = http.createServer((_req, res) => res.end('other'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    expect(process.env.__NEXT_PRIVATE_ORIGIN).toBe(privateOrigin);
    await new Promise((resolve) => other.close(resolve));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await expect(fetch(`${privateOrigin}/`)).rejects.toThrow();
  });

  it('relies on Next reading __NEXT_PRIVATE_ORIGIN for a redirect’s render: an upgrade that drops it fails here', () => {
    const handler = fs.readFileSync(path.join(process.cwd(), 'node_modules', 'next', 'dist', 'server', 'app-render', 'action-handler.js'), 'utf8');
    const redirectRender = handler.slice(handler.indexOf('async function createRedirectRenderResult'));
    expect(redirectRender).toContain('process.env.__NEXT_PRIVATE_ORIGIN');
  });
});
