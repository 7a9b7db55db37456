import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
    globalSetup: ['./scripts/vitest-global-setup.mjs'],
    // Unit tests' databases live in temporary folders: one audit key for all of them, never a file in data/.
    env: { AUDIT_KEY: 'unit-tests-only-audit-key-0123456789abcdef' },
  },
});
