// A new user's first minutes: `npm start` on a fresh data dir prints a login that works;
// a second start on the same dir and a bad PORT are refused with messages that say why.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { npmStart, type Started } from "./support/processes";

const PORT = 3297;
let dataDir: string;
let first: Started;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-first-start-"));
  first = npmStart({ PORT: String(PORT), DATA_DIR: dataDir });
  await first.waitFor(/Admin login: \S+ \/ \S+/);
});

test.afterAll(async () => {
  await first?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("the printed credentials log in and the console shows", async ({ page }, testInfo) => {
  const [, email, password] = first.output().match(/Admin login: (\S+) \/ (\S+)/) ?? [];
  expect(first.output()).toContain(`database: embedded PGlite in ${path.join(dataDir, "pglite")}`);

  await page.goto(`http://localhost:${PORT}/`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email ?? "");
  await page.getByLabel("Password").fill(password ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(`http://localhost:${PORT}/`);
  await expect(page.getByText("Acme Corp").first()).toBeVisible();
  await testInfo.attach("first-start-console", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("a second npm start on the same DATA_DIR refuses, naming the dir and the holder's pid", async () => {
  const holderPid = fs.readFileSync(path.join(dataDir, "pglite.lock"), "utf8").trim();
  const second = npmStart({ PORT: String(PORT + 1), DATA_DIR: dataDir });
  const code = await second.exited;
  expect(code).not.toBe(0);
  expect(second.output()).toContain(`${path.join(dataDir, "pglite")} is in use by another process (pid ${holderPid})`);
  // The first server still serves.
  const health = await fetch(`http://localhost:${PORT}/api/health`);
  expect(health.status).toBe(200);
});

test("PORT=abc stops with a message naming PORT", async () => {
  const bad = npmStart({ PORT: "abc", DATA_DIR: dataDir });
  expect(await bad.exited).not.toBe(0);
  expect(bad.output()).toMatch(/PORT: must be a whole number \(got "abc"\)/);
});
