const dev = process.env.NODE_ENV !== 'production';
// One request body limit for the whole service (proxy.ts answers a larger body in words).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as next.config.js is loaded
const requestLimit = require('./lib/request-limit.json');

/**
 * Content-Security-Policy the app works under: everything from this origin only. Next's App Router
 * streams its page data in inline scripts, so scripts need 'unsafe-inline' (a nonce would force every
 * page to render per request); React's dev tooling needs 'unsafe-eval' in development only.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The service has no images: switching optimisation off also switches off the /_next/image endpoint.
  images: { unoptimized: true },
  poweredByHeader: false,
  // forbidden() and forbidden.tsx: a 403 page for a signed-in user whose role may not see a page.
  experimental: {
    authInterrupts: true,
    // Registers and inspection reports are uploaded through server actions: let bodies up to the service's
    // limit reach the code, which refuses anything over its own limits with a clear message; proxy.ts
    // answers a larger one (by its Content-Length) with a page before Next reads it.
    serverActions: { bodySizeLimit: `${requestLimit.megabytes}mb` },
    proxyClientMaxBodySize: `${requestLimit.megabytes}mb`,
  },
  // Load these from node_modules at run time, never bundled: better-sqlite3 is a native addon,
  // pdfjs-dist loads its worker module from its own folder, and PDFKit reads its font data from its own.
  serverExternalPackages: ['better-sqlite3', 'pdfjs-dist', 'pdfkit', 'fontkit'],
  sassOptions: {
    // GOV.UK Frontend's own deprecation notices are not ours to fix.
    quietDeps: true,
    silenceDeprecations: ['import'],
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
