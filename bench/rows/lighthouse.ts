// Row i: Lighthouse (pinned 12.2.3, desktop preset, Debian's Chromium) on every console page,
// signed in: the session cookie Playwright gets at /login goes to Lighthouse as a Cookie header.
// Lighthouse runs through `npm exec` as a child process, one page at a time, not as a dependency.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { PASSWORD } from "../config";
import { BASE } from "../server";
import type { ResultRow } from "../table";
import type { Ctx } from "./context";

const CHROMIUM = "/usr/bin/chromium";
const LIGHTHOUSE = "lighthouse@12.2.3";
const TIMEOUT_MS = 180_000;
const GOAL = "perf ≥ 90, a11y 100, bp ≥ 95, TBT ≤ 200 ms";
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const SHORT: Record<(typeof CATEGORIES)[number], string> = { performance: "perf", accessibility: "a11y", "best-practices": "bp" };

interface Lhr {
  finalDisplayedUrl?: string;
  runtimeError?: { code?: string; message?: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null; numericValue?: number } | undefined>;
}

export interface Credentials {
  email: string;
  password: string;
}

/** The signed-in admin's cookies, as one Cookie header. */
async function cookieHeader(login: Credentials): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("brand").waitFor();
    const cookies = await context.cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** One Lighthouse run in a process group of its own, killed (group and all) after TIMEOUT_MS. */
function runLighthouse(url: string, cookie: string, out: string): Promise<void> {
  const args = [
    "exec",
    "--yes",
    `--package=${LIGHTHOUSE}`,
    "--",
    "lighthouse",
    url,
    "--preset=desktop",
    `--chrome-path=${CHROMIUM}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("npm", args, { detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CHROME_PATH: CHROMIUM } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    const kill = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    let timedOut = false;
    // SIGINT first: chrome-launcher then closes the Chromium it started (in a group of its own).
    const timer = setTimeout(() => {
      timedOut = true;
      kill("SIGINT");
      setTimeout(() => kill("SIGKILL"), 10_000).unref();
    }, TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`timed out after ${TIMEOUT_MS / 1000} s`));
      else if (code !== 0) reject(new Error(`lighthouse exited ${code ?? signal}: ${stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300)}`));
      else resolve();
    });
  });
}

/** The audits that cost the most in a category: weight > 0, score < 1, heaviest first. */
function failing(lhr: Lhr, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((ref) => ref.id);
}

function pageRow(name: string, lhr: Lhr): ResultRow {
  const what = `Lighthouse ${name} (perf/a11y/bp, TBT)`;
  if (lhr.runtimeError?.code) {
    return { row: "i", what, figure: null, floor: null, unit: "score", ratio: null, goal: GOAL, met: null, note: `Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message ?? ""}`.trim() };
  }
  // Without a session the console sends the browser to /login: that page is not the one asked for.
  if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname.startsWith("/login")) {
    return { row: "i", what, figure: null, floor: null, unit: "score", ratio: null, goal: GOAL, met: null, note: `landed on ${new URL(lhr.finalDisplayedUrl).pathname}: the cookie did not sign in` };
  }
  const score = (c: string) => {
    const s = lhr.categories[c]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
  };
  const perf = score("performance");
  const a11y = score("accessibility");
  const bp = score("best-practices");
  const tbtValue = lhr.audits["total-blocking-time"]?.numericValue;
  const tbt = tbtValue === undefined ? null : Math.round(tbtValue);
  const ok = {
    performance: perf !== null && perf >= 90,
    accessibility: a11y !== null && a11y === 100,
    "best-practices": bp !== null && bp >= 95,
  };
  const tbtOk = tbt !== null && tbt <= 200;
  const show = (v: number | null) => (v === null ? "?" : String(v));
  let note = `perf ${show(perf)}, a11y ${show(a11y)}, bp ${show(bp)}, TBT ${show(tbt)} ms`;
  for (const c of CATEGORIES) {
    if (ok[c]) continue;
    const ids = failing(lhr, c);
    if (ids.length) note += `; ${SHORT[c]}: ${ids.join(", ")}`;
  }
  const met = ok.performance && ok.accessibility && ok["best-practices"] && tbtOk;
  return { row: "i", what, figure: perf, floor: null, unit: "score", ratio: null, goal: GOAL, met, note };
}

export async function lighthouseRows(ctx: Ctx, login: Credentials = { email: "admin@example.com", password: PASSWORD }): Promise<ResultRow[]> {
  if (!fs.existsSync(CHROMIUM)) {
    return [{ row: "i", what: "Lighthouse on every console page", figure: null, floor: null, unit: "", ratio: null, goal: GOAL, met: null, note: `no ${CHROMIUM} on this machine` }];
  }
  const routes = ["/", "/pipelines", "/pipelines/new", `/pipelines/${ctx.ids.heavy}`, "/executions", "/connections", "/audit", "/members", "/tokens", "/api-reference"];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lighthouse-"));
  const rows: ResultRow[] = [];
  try {
    let cookie: string;
    try {
      cookie = await cookieHeader(login);
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return [{ row: "i", what: "Lighthouse on every console page", figure: null, floor: null, unit: "", ratio: null, goal: GOAL, met: null, note: `could not sign in: ${message}` }];
    }
    for (const [i, route] of routes.entries()) {
      const name = route.startsWith("/pipelines/") && route !== "/pipelines/new" ? "/pipelines/[id]" : route;
      const out = path.join(dir, `page-${i}.json`);
      try {
        await runLighthouse(`${BASE}${route}`, cookie, out);
        rows.push(pageRow(name, JSON.parse(fs.readFileSync(out, "utf8")) as Lhr));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        rows.push({ row: "i", what: `Lighthouse ${name} (perf/a11y/bp, TBT)`, figure: null, floor: null, unit: "score", ratio: null, goal: GOAL, met: null, note: `failed: ${message}` });
      }
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
