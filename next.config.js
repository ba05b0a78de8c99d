/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files from its own package folder: bundling it breaks that.
  // rate-limiter-flexible's index requires every store it supports (one imports drizzle-orm by a
  // computed name): loaded by Node as it is, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "ioredis"],
  // The documented API paths end in "/" and must answer directly, never with a 308.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // The build only builds: CI type-checks (npm run typecheck) and lints on its own, and a first
  // `npm start` on a fresh clone should not spend a minute type-checking (issue 16, row k).
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Turbopack's build cache only pays off on a rebuild, and writing it cost a first start
    // 11-27 s; `npm start` builds once per change of the sources.
    turbopackFileSystemCacheForBuild: false,
    // Behind the proxy Next.js buffers each body and cuts it, silently, at this size. Our limit
    // is 10 MiB (lib/api/body-limits.ts): a declared larger body is refused by the proxy, and a
    // chunked one is counted by the route's reader, which must see more than 10 MiB to answer
    // 413. One MiB of slack is more than any single chunk Node reads, so a cut body still does.
    proxyClientMaxBodySize: 11 * 1024 * 1024,
  },
};

module.exports = nextConfig;
