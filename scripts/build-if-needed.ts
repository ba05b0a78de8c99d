// A fingerprint of everything `next build` reads, so `npm start` rebuilds only when needed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "db", "types"];
const SOURCE_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.js",
  "tailwind.config.ts",
  "postcss.config.js",
  "tsconfig.json",
  "instrumentation.ts",
  "proxy.ts",
];

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap((d) => [...walk(path.join(root, d))]), ...SOURCE_FILES.map((f) => path.join(root, f))];
  for (const file of files.sort()) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export const fingerprintFile = (root: string) => path.join(root, ".next", "sluice-source-fingerprint");

function builtFingerprint(root: string): string | null {
  const file = fingerprintFile(root);
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** Builds the app when the sources changed since the last build; returns false if it failed. */
export function buildIfNeeded(root: string, { force = false } = {}): boolean {
  const fingerprint = sourceFingerprint(root);
  const file = fingerprintFile(root);
  if (!force && builtFingerprint(root) === fingerprint) return true;
  console.log("Building the console (first start, or the sources changed)...");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) return false;
  fs.writeFileSync(file, fingerprint);
  return true;
}
