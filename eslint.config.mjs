import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The layers (README, "Architecture"): db → lib/domain → lib/api → app; lib/worker runs on db and
// the domain; components talk to the server only over HTTP. Each entry names what a layer may
// not import; both the "@/" alias and relative paths are covered.
function forbid(...layers) {
  const group = layers.flatMap((layer) => {
    const short = layer.replace(/^lib\//, "");
    return [`@/${layer}`, `@/${layer}/**`, `**/../${layer}`, `**/../${layer}/**`, `../${short}`, `../${short}/**`];
  });
  return ["error", { patterns: [{ group, message: "This import crosses the layers (README, Architecture)." }] }];
}

const layers = [
  { files: ["db/**"], rules: { "no-restricted-imports": forbid("lib/domain", "lib/api", "lib/worker", "app", "components") } },
  { files: ["lib/domain/**"], rules: { "no-restricted-imports": forbid("lib/api", "lib/worker", "app", "components") } },
  { files: ["lib/api/**"], rules: { "no-restricted-imports": forbid("lib/worker", "app", "components") } },
  { files: ["lib/worker/**"], rules: { "no-restricted-imports": forbid("lib/api", "app", "components") } },
  {
    // Server-only modules (the database, the domain's rules, the worker) never reach the
    // browser's bundle; shared vocabulary lives in lib/vocabulary.ts, response types in lib/api.
    files: ["components/**"],
    rules: { "no-restricted-imports": forbid("db", "lib/domain", "lib/worker", "app") },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"],
  },
  {
    // A drizzle delete or update without a where clause touches every row: refuse it.
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layers,
];

export default config;
