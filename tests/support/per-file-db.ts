// Points this test file's process at its database before any app module opens it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

const template = inject("pgliteTemplate");
const databaseUrl = inject("databaseUrl");

if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
} else if (template) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-test-"));
  fs.cpSync(template, dir, { recursive: true, filter: (src) => !src.endsWith(".lock") });
  process.env.DATABASE_URL = "";
  process.env.DATA_DIR = dir;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
}
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

afterAll(async () => {
  await closeDb();
});
