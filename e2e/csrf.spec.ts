// The session cookie against the real server: it is HttpOnly and SameSite=Lax, the console's
// own changes (browser fetches carrying our Origin) go through, and the same change carried by
// the cookie from another origin, or with no origin at all, is refused.
import { test, expect } from "@playwright/test";
import { signIn } from "./support/console";
import { ACME, MEMBER } from "./support/users";

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await signIn(page, MEMBER);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});

test("a cookie-authenticated change is refused unless it comes from our own origin", async ({ page }) => {
  await signIn(page, MEMBER);
  const own = new URL(page.url()).origin;
  const path = `/api/v1/unstract/${ACME.id}/pipeline/`;

  const foreign: Record<string, string>[] = [{}, { origin: "https://evil.example" }, { origin: "null" }, { referer: "https://evil.example/attack" }];
  for (const headers of foreign) {
    const refused = await page.request.post(path, { data: { pipeline_name: `csrf_${Date.now()}` }, headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect(await refused.json()).toEqual({
      type: "client_error",
      errors: [{ code: "permission_denied", detail: expect.stringMatching(/^Cross-site request refused/), attr: null }],
    });
  }

  // The console itself: a browser fetch from one of our pages sends our Origin on its own.
  const name = `csrf_ok_${Date.now()}`;
  const status = await page.evaluate(
    async ([url, pipelineName]) => (await fetch(url ?? "", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ pipeline_name: pipelineName }) })).status,
    [path, name],
  );
  expect(status).toBe(201);
  const created = await page.request.get(`${path}?search=${name}`);
  const { results } = (await created.json()) as { results: { id: string }[] };
  expect(results).toHaveLength(1);
  const removed = await page.request.delete(`${path.replace(/\/$/, "")}/${results[0]?.id}/`, { headers: { origin: own } });
  expect(removed.status()).toBe(204);
});
