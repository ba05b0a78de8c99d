// Every page and API answer carries the security headers, and the console runs under its
// Content-Security-Policy without a single violation: each page renders its rows, the live
// events stream updates a page, and the API reference loads its document.
import { test, expect, type Page, type Response } from "@playwright/test";
import { signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

function expectSecurityHeaders(res: Response | { headers: () => Record<string, string> } | null, what: string) {
  expect(res, what).not.toBeNull();
  const headers = res?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
  ]) {
    expect(csp, `${what}: CSP has ${directive}`).toContain(directive);
  }
  // Scripts: our own files and this response's nonce; never inline scripts in general or eval.
  expect(csp, `${what}: script-src`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
}

/** Collects CSP violations the page reports, both as events and as console messages. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return violations;
}

test("every console page carries the headers and runs with no CSP violation", async ({ page, request }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);

  const loginAnswer = await page.goto("/login");
  expectSecurityHeaders(loginAnswer, "/login");
  await expect(page.getByLabel("Email")).toBeVisible();
  // The nonce is new on every answer.
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(loginAnswer?.headers()["content-security-policy"]);

  await signIn(page, ADMIN);

  const list = await request.get(`/api/v1/unstract/${ACME.id}/pipeline/?page_size=1`, { headers: auth });
  const [pipeline] = ((await list.json()) as { results: { id: string }[] }).results;
  expect(pipeline).toBeDefined();

  const pages: [string, (page: Page) => Promise<void>][] = [
    ["/", (p) => expect(p.getByTestId("overview-heading")).toBeVisible()],
    ["/pipelines", (p) => expect(p.getByTestId("pipeline-row").first()).toBeVisible()],
    ["/pipelines/new", (p) => expect(p.getByTestId("new-pipeline-form")).toBeVisible()],
    [`/pipelines/${pipeline?.id}`, (p) => expect(p.getByTestId("pipeline-name")).toBeVisible()],
    [`/pipelines/${pipeline?.id}/delete`, (p) => expect(p.getByTestId("delete-wizard")).toBeVisible()],
    ["/executions", (p) => expect(p.getByTestId("execution-row").first()).toBeVisible()],
    ["/audit", (p) => expect(p.getByTestId("audit-row").first()).toBeVisible()],
    ["/connections", (p) => expect(p.getByTestId("resource-row").first()).toBeVisible()],
    ["/members", (p) => expect(p.getByTestId("member-row").first()).toBeVisible()],
    ["/tokens", (p) => expect(p.getByTestId("token-row").first()).toBeVisible()],
    ["/api-reference", (p) => expect(p.getByTestId("tag-section").first()).toBeVisible()],
  ];
  for (const [path, works] of pages) {
    const answer = await page.goto(path);
    expectSecurityHeaders(answer, path);
    await works(page);
  }

  // Live updates still arrive over the event stream: a run started by a script shows up and
  // completes on the executions page without a reload.
  await page.goto("/executions");
  await expect(page.getByTestId("execution-row").first()).toBeVisible();
  const name = `csp_live_${Date.now()}`;
  const created = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
  const id = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: id } })).status()).toBe(200);
  const row = page.getByTestId("execution-row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });

  // Client-side navigation (no full load) works under the policy too.
  await page.getByTestId("nav-pipelines").click();
  await expect(page.getByTestId("pipeline-row").first()).toBeVisible();

  expect(violations).toEqual([]);
});

test("API answers carry the headers too, errors and the event stream included", async ({ request }) => {
  expectSecurityHeaders(await request.get("/api/health"), "GET /api/health");
  expectSecurityHeaders(await request.get("/api/openapi.json"), "GET /api/openapi.json");
  expectSecurityHeaders(await request.get(`/api/v1/unstract/${ACME.id}/pipeline/`), "401 from §1");
  expectSecurityHeaders(await request.get("/platform/pipelines"), "401 from Maestro");
  expectSecurityHeaders(await request.get("/api/auth/session"), "GET /api/auth/session");

  // The event stream: headers at once, then events as they come.
  const controller = new AbortController();
  const res = await fetch(new URL(`/api/v1/orgs/${ACME.id}/events`, test.info().project.use.baseURL).toString(), {
    headers: auth,
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  controller.abort();
});
