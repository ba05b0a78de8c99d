/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files from its own package folder: bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The documented API paths end in "/" and must answer directly, never with a 308.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  experimental: {
    // Behind the proxy Next.js buffers each body and cuts it, silently, at this size. Our limit
    // is 10 MiB (lib/api/body-limits.ts): a declared larger body is refused by the proxy, and a
    // chunked one is counted by the route's reader, which must see more than 10 MiB to answer
    // 413. One MiB of slack is more than any single chunk Node reads, so a cut body still does.
    proxyClientMaxBodySize: 11 * 1024 * 1024,
  },
};

module.exports = nextConfig;
