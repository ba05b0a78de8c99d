// GET /api/v1/unstract/{org_id}/pipeline/{id}/executions/ — a pipeline's runs, newest first,
// paginated, filtered by date; its owner (or an org admin) only.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { executions } from "@/db/schema";
import { makeOrg, type Person, type TestOrg } from "../support/fixtures";
import { call, type Answer } from "../support/http";
import {
  addPerson,
  createPipeline,
  executeTimes,
  expectError,
  ISO_RE,
  NO_SUCH_ID,
  routes,
  UUID_RE,
  type Caller,
  type CreatedPipelineJson,
  type ExecutionJson,
  type PageJson,
} from "./support";

let org: TestOrg;
let friend: Person;
let colleague: Person;
let p: CreatedPipelineJson;
let runs: string[]; // runs[0] on Jan 10th, runs[1] on Feb 10th, runs[2] on Mar 10th, runs[3] on Mar 10th later

const day = (iso: string) => new Date(iso);
const startedAt = [day("2024-01-10T08:00:00Z"), day("2024-02-10T12:00:00Z"), day("2024-03-10T09:00:00Z"), day("2024-03-10T18:30:00Z")];

beforeAll(async () => {
  org = await makeOrg();
  [friend, colleague] = [await addPerson(org, "friend"), await addPerson(org, "colleague")];
  p = await createPipeline(org, org.member, { shared_users: [friend.userId], shared_to_org: true });
  runs = await executeTimes(org, org.member, p.id, 4);
  const db = await getDb();
  for (const [i, id] of runs.entries()) {
    await db.update(executions).set({ createdAt: startedAt[i], modifiedAt: startedAt[i] }).where(eq(executions.id, id));
  }
});

const list = (who: Caller, query = "", id = p.id): Promise<Answer> =>
  call(routes.executions, {
    params: { org_id: org.id, id },
    path: `/api/v1/unstract/${org.id}/pipeline/${id}/executions/${query}`,
    ...who,
  });

const pageOf = (res: Answer) => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as PageJson<ExecutionJson>;
};
const idsOf = (res: Answer) => pageOf(res).results.map((e) => e.id);
const newestFirst = () => [runs[3], runs[2], runs[1], runs[0]];

describe("GET pipeline/{id}/executions/", () => {
  it("lists the runs newest first, with the documented fields", async () => {
    const page = pageOf(await list(org.member));
    expect(page).toMatchObject({ count: 4, next: null, previous: null });
    expect(page.results.map((e) => e.id)).toEqual(newestFirst());
    for (const e of page.results) {
      expect(e).toMatchObject({
        id: expect.stringMatching(UUID_RE),
        pipeline_id: p.id,
        execution_method: "DIRECT",
        status: "PENDING",
        total_files: 0,
        error_message: null,
        attempts: 0,
        execution_time: null,
        created_at: expect.stringMatching(ISO_RE),
        modified_at: expect.stringMatching(ISO_RE),
      });
    }
    expect(page.results.map((e) => e.created_at)).toEqual([3, 2, 1, 0].map((i) => startedAt[i]?.toISOString()));
  });

  it.each([
    ["start_date=2024-02-01", "?start_date=2024-02-01", [3, 2, 1]],
    ["start_date=2024-03-10 (the whole day)", "?start_date=2024-03-10", [3, 2]],
    ["end_date=2024-02-10 (the whole day)", "?end_date=2024-02-10", [1, 0]],
    ["end_date=2024-02-09", "?end_date=2024-02-09", [0]],
    ["both", "?start_date=2024-02-01&end_date=2024-03-01", [1]],
    ["a datetime start", `?start_date=${encodeURIComponent("2024-03-10T12:00:00Z")}`, [3]],
    ["a datetime end with an offset (inclusive)", `?end_date=${encodeURIComponent("2024-03-10T10:00:00+01:00")}`, [2, 1, 0]],
    ["a datetime end just before a run", `?end_date=${encodeURIComponent("2024-03-10T09:59:59+01:00")}`, [1, 0]],
    ["a range with nothing in it", "?start_date=2025-01-01", []],
  ])("filters by %s", async (_, query, expected) => {
    expect(idsOf(await list(org.member, query))).toEqual(expected.map((i) => runs[i]));
  });

  it.each([
    ["start_date=yesterday", "?start_date=yesterday", "start_date"],
    ["end_date=2024-13-01", "?end_date=2024-13-01", "end_date"],
    ["status=DONE", "?status=DONE", "status.0"],
  ])("%s is 400 on its field", async (_, query, attr) => {
    const res = await list(org.member, query);
    expect(res.status).toBe(400);
    const body = res.body as { type: string; errors: { attr: string }[] };
    expect(body.type).toBe("validation_error");
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors.every((e) => e.attr === attr)).toBe(true);
  });

  it("filters by status", async () => {
    const db = await getDb();
    const other = await createPipeline(org, org.member);
    const [done, pending] = await executeTimes(org, org.member, other.id, 2);
    await db.update(executions).set({ status: "COMPLETED" }).where(eq(executions.id, done ?? ""));
    const query = (status: string) => `?status=${status}`;
    expect(idsOf(await list(org.member, query("COMPLETED"), other.id))).toEqual([done]);
    expect(idsOf(await list(org.member, query("PENDING"), other.id))).toEqual([pending]);
  });

  it("pages: page_size=3 gives 3 then 1; page 3 is 404 Invalid page.", async () => {
    const one = pageOf(await list(org.member, "?page_size=3"));
    expect(one.count).toBe(4);
    expect(one.results.map((e) => e.id)).toEqual(newestFirst().slice(0, 3));
    const next = new URL(one.next ?? "");
    expect(next.pathname).toBe(`/api/v1/unstract/${org.id}/pipeline/${p.id}/executions/`);
    const two = pageOf(await list(org.member, next.search));
    expect(two.results.map((e) => e.id)).toEqual(newestFirst().slice(3));
    expect(two.next).toBeNull();
    expect(two.previous).not.toBeNull();
    expectError(await list(org.member, "?page=3&page_size=3"), 404, "client_error", { detail: "Invalid page." });
    expectError(await list(org.member, "?page=100000000000000000000"), 404, "client_error", { detail: "Invalid page." });
  });

  it("the cursor walks the same runs in the same order", async () => {
    const one = pageOf(await list(org.member, "?page_size=1"));
    const seen = one.results.map((e) => e.id);
    expect(one.next_cursor).toEqual(expect.any(String));
    let query: string | null = `?page_size=1&cursor=${one.next_cursor ?? ""}`;
    while (query) {
      expect(seen.length).toBeLessThan(10);
      const page = pageOf(await list(org.member, query));
      seen.push(...page.results.map((e) => e.id));
      query = page.next ? new URL(page.next).search : null;
    }
    expect(seen).toEqual(newestFirst());
  });

  it.each([
    ["garbage", "garbage"],
    ["a payload whose time Postgres cannot read", Buffer.from(JSON.stringify({ s: "-created_at", b: false, v: ["1", NO_SUCH_ID] })).toString("base64url")],
  ])("a cursor of %s is 400 on cursor", async (_, cursor) => {
    expectError(await list(org.member, `?cursor=${cursor}`), 400, "validation_error", { attr: "cursor", code: "invalid" });
  });

  it("an empty history is 200 with no results", async () => {
    const fresh = await createPipeline(org, org.member);
    expect(pageOf(await list(org.member, "", fresh.id))).toMatchObject({ count: 0, results: [], next: null, previous: null });
  });

  it("an org admin may list them", async () => {
    expect(idsOf(await list(org.admin))).toEqual(newestFirst());
  });

  it("is owner only: a shared user and a shared-to-org member get 403", async () => {
    expectError(await list(friend), 403, "client_error", { code: "permission_denied" });
    expectError(await list(colleague), 403, "client_error", { code: "permission_denied" });
  });

  it("a member it is not shared with gets 404", async () => {
    const privateOne = await createPipeline(org, org.member);
    expectError(await list(colleague, "", privateOne.id), 404, "client_error", { code: "not_found" });
  });

  it.each([
    ["an unknown id", NO_SUCH_ID],
    ["a malformed id", "abc"],
  ])("is 404 for %s", async (_, id) => {
    expectError(await list(org.member, "", id), 404, "client_error", { code: "not_found" });
  });

  it("is 401 without a credential", async () => {
    expectError(await list({}), 401, "client_error", { code: "not_authenticated" });
  });
});
