// Absolute links a script follows (a list's next/previous, the Postman collection's URL) point
// where the client reached the console: PUBLIC_URL when set, else the Host it addressed, and a
// proxy's X-Forwarded-Host/-Proto only when TRUST_PROXY trusts that proxy. Next.js hands route
// handlers a URL on localhost:PORT whatever the client addressed; links must not follow it.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const settings = vi.hoisted(() => ({ PUBLIC_URL: undefined as string | undefined, TRUST_PROXY: 0 }));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => ({ ...actual.env(), ...settings }) };
});

const { makeOrg } = await import("../support/fixtures");
const { call } = await import("../support/http");
const { createPipeline, routes } = await import("./support");
type Org = Awaited<ReturnType<typeof makeOrg>>;

let org: Org;

beforeAll(async () => {
  org = await makeOrg();
  for (const name of ["links-a", "links-b", "links-c"]) await createPipeline(org, org.member, { pipeline_name: name, pipeline_type: "ETL" });
});

afterEach(() => {
  settings.PUBLIC_URL = undefined;
  settings.TRUST_PROXY = 0;
});

// As Next.js calls the handler behind a proxy: the URL on localhost, the client's view in headers.
async function firstPage(headers: Record<string, string>) {
  const res = await call(routes.list, {
    params: { org_id: org.id },
    path: `/api/v1/unstract/${org.id}/pipeline/?page_size=1&ordering=pipeline_name`,
    token: org.member.token,
    headers,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { next: string | null; previous: string | null };
}

const proxied = { host: "10.0.0.5:3000", "x-forwarded-host": "pipelines.example.com", "x-forwarded-proto": "https" };

describe("the next link of the pipelines list", () => {
  it("starts with PUBLIC_URL when it is set, and keeps the query", async () => {
    settings.PUBLIC_URL = "https://sluice.example.org";
    const page = await firstPage(proxied);
    expect(page.next).toBe(`https://sluice.example.org/api/v1/unstract/${org.id}/pipeline/?page_size=1&ordering=pipeline_name&page=2`);
  });

  it("uses the Host the client addressed, not the proxy's claims, when no proxy is trusted", async () => {
    const page = await firstPage(proxied);
    expect(page.next).toMatch(/^http:\/\/10\.0\.0\.5:3000\/api\/v1\/unstract\//);
  });

  it("uses the forwarded host and scheme when TRUST_PROXY trusts the proxy", async () => {
    settings.TRUST_PROXY = 1;
    const page = await firstPage(proxied);
    expect(page.next).toMatch(/^https:\/\/pipelines\.example\.com\/api\/v1\/unstract\//);
    // Followed, the next page links back on the same origin.
    const next = new URL(page.next ?? "");
    const res = await call(routes.list, { params: { org_id: org.id }, path: `${next.pathname}${next.search}`, token: org.member.token, headers: proxied });
    expect((res.body as { previous: string }).previous).toMatch(/^https:\/\/pipelines\.example\.com\/api\/v1\/unstract\//);
  });
});

describe("the Postman collection's URL", () => {
  it("starts with PUBLIC_URL when it is set", async () => {
    settings.PUBLIC_URL = "https://sluice.example.org";
    const pipeline = await createPipeline(org, org.member, { pipeline_name: "links-postman", pipeline_type: "ETL" });
    const res = await call(routes.postman, {
      params: { org_id: org.id, id: pipeline.id },
      path: `/api/v1/unstract/${org.id}/pipeline/api/postman_collection/${pipeline.id}/`,
      token: org.member.token,
      headers: proxied,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [item] = (res.body as { item: { request: { url: string } }[] }).item;
    expect(item?.request.url).toBe(`https://sluice.example.org/${pipeline.api_endpoint}`);
  });
});
