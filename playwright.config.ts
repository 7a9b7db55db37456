import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT || 3101);
const appUrl = `http://localhost:${port}`;
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** What the suite's OpenID provider and the app agree on (loopback only, test values). */
export const OIDC = { issuer: `http://127.0.0.1:${oidcPort}`, clientId: 'risk-register-e2e', clientSecret: 'risk-register-e2e-secret' };

/**
 * End-to-end suite: a production build on its own port and database file (prepared by `npm test`),
 * a real OpenID provider on loopback, one worker because SQLite has one writer, and Debian's Chromium
 * rather than a downloaded browser.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'node e2e/oidc-provider.mjs',
      url: `${OIDC.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { OIDC_PORT: String(oidcPort), OIDC_APP_URL: appUrl, OIDC_CLIENT_ID: OIDC.clientId, OIDC_CLIENT_SECRET: OIDC.clientSecret },
    },
    {
      command: `npx next start -p ${port}`,
      url: `${appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_PATH: process.env.DATABASE_PATH || 'data/e2e.db',
        // A host clock far from London's (UTC-11): every day the service shows must still be London's.
        TZ: 'Pacific/Pago_Pago',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXTAUTH_URL: appUrl,
        NEXTAUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
        AUTH_OIDC_ISSUER: OIDC.issuer,
        AUTH_OIDC_CLIENT_ID: OIDC.clientId,
        AUTH_OIDC_CLIENT_SECRET: OIDC.clientSecret,
        // The suite runs the reminder job itself, on a fixed day; the server's daily schedule stays off.
        REMINDERS: 'off',
        AUDIT_CHECK: 'off',
      },
    },
  ],
});
