/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files from its own package folder: bundling it breaks that.
  // rate-limiter-flexible's index requires every store it supports (one imports drizzle-orm by a
  // computed name): loaded by Node as it is, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "ioredis"],
  // The documented API paths end in "/" and must answer directly, never with a 308.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
};

module.exports = nextConfig;
