/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files from its own package folder: bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The documented API paths end in "/" and must answer directly, never with a 308.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
};

module.exports = nextConfig;
