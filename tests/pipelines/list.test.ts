// GET /api/v1/unstract/{org_id}/pipeline/ — the list: visibility, page numbers, filters, every
// ordering, the default order and the keyset cursor.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelines } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { sessionCookie, type Answer } from "../support/http";
import {
  addPerson,
  createPipeline,
  executeTimes,
  expectError,
  listAt,
  pathOf,
  type Caller,
  type PageJson,
  type PipelineJson,
} from "./support";

type Page = PageJson<PipelineJson>;
const pageOf = (res: Answer): Page => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Page;
};
const idsOf = (page: Page) => page.results.map((p) => p.id);

// ---------------------------------------------------------------- five pipelines with known order

/**
 * Five pipelines of one member, made so every ordering gives a different sequence:
 *
 *        name  type     created   runs  last run
 *   p1   …c    ETL      t+0h      1     t+50h
 *   p2   …a    TASK     t+1h      0     never
 *   p3   …e    ETL      t+2h      3     t+40h
 *   p4   …b    DEFAULT  t+3h      0     never
 *   p5   …d    APP      t+4h      3     t+50h (same as p1)
 */
let org: TestOrg;
let p: PipelineJson[]; // p[0] is p1
let prefix: string;
const hour = 3_600_000;
const t = Date.UTC(2024, 0, 1);

beforeAll(async () => {
  org = await makeOrg();
  prefix = `ord${randomBytes(3).toString("hex")}`;
  const specs = [
    { suffix: "c", type: "ETL", runs: 1, lastRun: t + 50 * hour },
    { suffix: "a", type: "TASK", runs: 0, lastRun: null },
    { suffix: "e", type: "ETL", runs: 3, lastRun: t + 40 * hour },
    { suffix: "b", type: "DEFAULT", runs: 0, lastRun: null },
    { suffix: "d", type: "APP", runs: 3, lastRun: t + 50 * hour },
  ];
  const db = await getDb();
  p = [];
  for (const [i, spec] of specs.entries()) {
    const created = await createPipeline(org, org.member, { pipeline_name: `${prefix}${spec.suffix}`, pipeline_type: spec.type });
    await executeTimes(org, org.member, created.id, spec.runs);
    await db
      .update(pipelines)
      .set({ createdAt: new Date(t + i * hour), lastRunTime: spec.lastRun === null ? null : new Date(spec.lastRun) })
      .where(eq(pipelines.id, created.id));
    p.push(created);
  }
});

const byId = (a: PipelineJson, b: PipelineJson) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Two pipelines tied on the sort key come in id order (ascending, or descending when the sort is). */
const tie = (x: PipelineJson, y: PipelineJson, desc: boolean) => {
  const pair = [x, y].sort(byId);
  return desc ? pair.reverse() : pair;
};

const named = (...indexes: number[]) => indexes.map((i) => p[i - 1] as PipelineJson);

function expectedOrder(ordering: string | null): PipelineJson[] {
  const [p1, p2, p3, p4, p5] = named(1, 2, 3, 4, 5) as [PipelineJson, PipelineJson, PipelineJson, PipelineJson, PipelineJson];
  const defaultOrder = [p5, p1, p3, p4, p2]; // last run desc, never-run last; ties by created_at desc
  switch (ordering) {
    case null:
    case "-last_run_time":
      return defaultOrder;
    case "last_run_time":
      return [...defaultOrder].reverse();
    case "created_at":
      return [p1, p2, p3, p4, p5];
    case "-created_at":
      return [p5, p4, p3, p2, p1];
    case "pipeline_name":
      return [p2, p4, p1, p5, p3];
    case "-pipeline_name":
      return [p3, p5, p1, p4, p2];
    case "run_count":
      return [...tie(p2, p4, false), p1, ...tie(p3, p5, false)];
    case "-run_count":
      return [...tie(p3, p5, true), p1, ...tie(p2, p4, true)];
    default:
      throw new Error(`no expectation for ${ordering}`);
  }
}

const ORDERINGS = [null, "created_at", "-created_at", "last_run_time", "-last_run_time", "pipeline_name", "-pipeline_name", "run_count", "-run_count"];
const orderingQuery = (ordering: string | null) => (ordering ? `&ordering=${encodeURIComponent(ordering)}` : "");

describe("GET pipeline/ (list)", () => {
  it("answers {count, next, previous, results} with full pipeline bodies, 50 a page by default", async () => {
    const page = pageOf(await listAt(org, org.member));
    expect(page).toMatchObject({ count: 5, next: null, previous: null });
    expect(page.results).toHaveLength(5);
    const [first] = page.results;
    expect(first).toMatchObject({ id: p[4]?.id, pipeline_name: `${prefix}d`, run_count: 3, last_run_status: "RESTARTING", last_run_time: new Date(t + 50 * hour).toISOString() });
    expect(Object.keys(first ?? {})).toEqual(expect.arrayContaining(["api_endpoint", "last_5_run_statuses", "next_run_time", "created_by_email"]));
  });

  it("run_count and last_run_status come from the execute route", async () => {
    const page = pageOf(await listAt(org, org.member, "?ordering=created_at"));
    expect(page.results.map((x) => [x.run_count, x.last_run_status])).toEqual([
      [1, "RESTARTING"],
      [0, "YET_TO_START"],
      [3, "RESTARTING"],
      [0, "YET_TO_START"],
      [3, "RESTARTING"],
    ]);
  });

  it.each(ORDERINGS)("ordering=%s gives the documented order", async (ordering) => {
    const page = pageOf(await listAt(org, org.member, `?page_size=50${orderingQuery(ordering)}`));
    expect(page.results.map((x) => x.pipeline_name)).toEqual(expectedOrder(ordering).map((x) => x.pipeline_name));
  });

  it("the default order is last_run_time desc with never-run last, then created_at desc", async () => {
    const page = pageOf(await listAt(org, org.member));
    expect(page.results.map((x) => x.last_run_time)).toEqual([
      new Date(t + 50 * hour).toISOString(),
      new Date(t + 50 * hour).toISOString(),
      new Date(t + 40 * hour).toISOString(),
      null,
      null,
    ]);
    expect(idsOf(page)).toEqual(named(5, 1, 3, 4, 2).map((x) => x.id));
  });

  describe("page numbers", () => {
    it("walks page_size=2 in three pages with next/previous links that keep the query", async () => {
      const one = pageOf(await listAt(org, org.member, "?page_size=2&ordering=created_at"));
      expect(one.count).toBe(5);
      expect(idsOf(one)).toEqual(named(1, 2).map((x) => x.id));
      expect(one.previous).toBeNull();
      const nextUrl = new URL(one.next ?? "");
      expect(nextUrl.pathname).toBe(`/api/v1/unstract/${org.id}/pipeline/`);
      expect(Object.fromEntries(nextUrl.searchParams)).toEqual({ page: "2", page_size: "2", ordering: "created_at" });

      const two = pageOf(await listAt(org, org.member, nextUrl.search));
      expect(idsOf(two)).toEqual(named(3, 4).map((x) => x.id));
      expect(Object.fromEntries(new URL(two.previous ?? "").searchParams)).toEqual({ page_size: "2", ordering: "created_at" });
      expect(new URL(two.next ?? "").searchParams.get("page")).toBe("3");

      const three = pageOf(await listAt(org, org.member, "?page=3&page_size=2&ordering=created_at"));
      expect(idsOf(three)).toEqual(named(5).map((x) => x.id));
      expect(three.next).toBeNull();
      expect(new URL(three.previous ?? "").searchParams.get("page")).toBe("2");
    });

    it.each([
      ["a page past the end", "?page=4&page_size=2"],
      ["page 2 of one page", "?page=2"],
      ["page 0", "?page=0"],
      ["a negative page", "?page=-1"],
      ["a page that is not a number", "?page=two"],
      ["a fractional page", "?page=1.5"],
      // Found by the reliability fuzzer: an offset past bigint was a 500 from Postgres.
      ["a page whose offset overflows bigint, with a search", "?page=100000000000000000000&search=1000"],
      ["a page whose offset overflows bigint", "?page=9007199254740991000"],
    ])("%s is 404 Invalid page.", async (_, query) => {
      expectError(await listAt(org, org.member, query), 404, "client_error", { code: "not_found", detail: "Invalid page.", attr: null });
    });

    it("page 1 of an empty list is 200 with no results", async () => {
      const empty = await makeOrg();
      expect(pageOf(await listAt(empty, empty.member))).toEqual({ count: 0, next: null, previous: null, next_cursor: null, previous_cursor: null, results: [] });
    });
  });

  describe("filters", () => {
    it.each([
      ["ETL", [3, 1]],
      ["TASK", [2]],
      ["DEFAULT", [4]],
      ["APP", [5]],
    ])("type=%s", async (type, expected) => {
      const page = pageOf(await listAt(org, org.member, `?type=${type}&ordering=-created_at`));
      expect(page.count).toBe(expected.length);
      expect(idsOf(page)).toEqual(named(...expected).map((x) => x.id));
    });

    it("type=etl (not a documented value) is 400 on type", async () => {
      expectError(await listAt(org, org.member, "?type=etl"), 400, "validation_error", { attr: "type", detail: '"etl" is not a valid choice.' });
    });

    it("filters keep to the page links", async () => {
      const page = pageOf(await listAt(org, org.member, "?type=ETL&page_size=1"));
      expect(page.count).toBe(2);
      expect(Object.fromEntries(new URL(page.next ?? "").searchParams)).toEqual({ type: "ETL", page_size: "1", page: "2" });
    });

    describe("search", () => {
      let searchOrg: TestOrg;
      const names = ["Alpha_one", "alpha%two", "ALPHAthree", "alphaXone", "beta", "Gamma 100%"];
      beforeAll(async () => {
        searchOrg = await makeOrg();
        for (const name of names) await createPipeline(searchOrg, searchOrg.admin, { pipeline_name: name });
      });

      it.each([
        ["alpha", ["ALPHAthree", "Alpha_one", "alpha%two", "alphaXone"]],
        ["ALPHA", ["ALPHAthree", "Alpha_one", "alpha%two", "alphaXone"]],
        ["pHaT", ["ALPHAthree"]],
        ["%", ["Gamma 100%", "alpha%two"]],
        ["a%t", ["alpha%two"]],
        ["_", ["Alpha_one"]],
        ["a_o", ["Alpha_one"]],
        ["0%", ["Gamma 100%"]],
        ["\\", []],
        ["zeta", []],
      ])("search=%j matches %j (case-insensitive, %% and _ literally)", async (search, expected) => {
        const page = pageOf(await listAt(searchOrg, searchOrg.admin, `?search=${encodeURIComponent(search)}&ordering=pipeline_name&page_size=100`));
        expect(page.results.map((x) => x.pipeline_name).sort()).toEqual([...expected].sort());
        expect(page.count).toBe(expected.length);
      });

      it("a NUL character in search is not a server error", async () => {
        const res = await listAt(searchOrg, searchOrg.admin, "?search=%00");
        expect([200, 400]).toContain(res.status);
        if (res.status === 200) expect((res.body as Page).count).toBe(0);
      });

      it("search and type combine", async () => {
        const etl = await createPipeline(searchOrg, searchOrg.admin, { pipeline_name: "alpha etl", pipeline_type: "ETL" });
        const page = pageOf(await listAt(searchOrg, searchOrg.admin, "?search=ALPHA&type=ETL"));
        expect(idsOf(page)).toEqual([etl.id]);
      });
    });
  });

  describe("cursor", () => {
    async function walk(start: string, link: "next" | "previous", first: Page): Promise<Page[]> {
      const pages: Page[] = [first];
      let url = first[link];
      while (url) {
        expect(pages.length, `walked too far from ${start}`).toBeLessThan(10);
        const page = pageOf(await listAt(org, org.member, new URL(url).search));
        pages.push(page);
        url = page[link];
      }
      return pages;
    }

    it.each(ORDERINGS)("ordering=%s: next visits every row once, in page-number order; previous walks back", async (ordering) => {
      const query = `?page_size=2${orderingQuery(ordering)}`;
      const numbered: string[] = [];
      for (const n of [1, 2, 3]) numbered.push(...idsOf(pageOf(await listAt(org, org.member, `${query}&page=${n}`))));
      expect(numbered).toEqual(expectedOrder(ordering).map((x) => x.id));

      const firstPage = pageOf(await listAt(org, org.member, query));
      expect(firstPage.next_cursor).toEqual(expect.any(String));
      const cursorStart = pageOf(await listAt(org, org.member, `${query}&cursor=${firstPage.next_cursor ?? ""}`));
      const forward = await walk(query, "next", cursorStart);
      for (const page of forward) expect(page.count).toBe(5);
      const walked = [...idsOf(firstPage), ...forward.flatMap(idsOf)];
      expect(walked).toEqual(numbered);
      expect(new Set(walked).size).toBe(5);
      // Cursor links carry the cursor and the query, never a page number.
      const link = new URL(cursorStart.next ?? "");
      expect(link.searchParams.get("page")).toBeNull();
      expect(link.searchParams.get("page_size")).toBe("2");
      expect(link.searchParams.get("ordering")).toBe(ordering);

      const last = forward[forward.length - 1] as Page;
      expect(last.next).toBeNull();
      const backward = await walk(query, "previous", last);
      expect(backward.reverse().flatMap(idsOf)).toEqual(numbered);
    });

    it("a cursor keeps the filters", async () => {
      const first = pageOf(await listAt(org, org.member, "?type=ETL&page_size=1&ordering=created_at"));
      const second = pageOf(await listAt(org, org.member, `?type=ETL&page_size=1&ordering=created_at&cursor=${first.next_cursor ?? ""}`));
      expect([...idsOf(first), ...idsOf(second)]).toEqual(named(1, 3).map((x) => x.id));
      expect(second.next).toBeNull();
    });

    const encode = (ordering: string, v: unknown[]) => Buffer.from(JSON.stringify({ s: ordering, b: false, v })).toString("base64url");
    const anId = () => p[0]?.id ?? "";

    it.each([
      ["garbage", "created_at", () => "not a cursor!!"],
      ["base64 of text", "created_at", () => Buffer.from("hello").toString("base64url")],
      ["a payload of the wrong shape", "created_at", () => encode("created_at", ["2024-01-01T00:00:00.000Z"])],
      ["a payload with a bad uuid", "created_at", () => encode("created_at", ["2024-01-01T00:00:00.000Z", "nope"])],
      ["a payload with a bad time", "created_at", () => encode("created_at", ["yesterday", anId()])],
      ["a cursor too long", "created_at", () => "a".repeat(2001)],
      // Values JavaScript reads as times but Postgres does not, a number beyond int4, a NUL in text.
      ["a payload with a bare number as time", "created_at", () => encode("created_at", ["1", anId()])],
      ["a payload with a day that does not exist", "created_at", () => encode("created_at", ["2024-02-30T00:00:00Z", anId()])],
      ["a payload with a time in words", "created_at", () => encode("created_at", ["March 7", anId()])],
      ["a payload with a run count beyond int4", "run_count", () => encode("run_count", ["2147483648", anId()])],
      ["a payload with a NUL character in a name", "pipeline_name", () => encode("pipeline_name", ["a\u0000b"])],
    ])("%s (ordering=%s) is 400 on cursor", async (_, ordering, cursor) => {
      const res = await listAt(org, org.member, `?ordering=${ordering}&cursor=${encodeURIComponent(cursor())}`);
      expectError(res, 400, "validation_error", { attr: "cursor", code: "invalid" });
    });

    it.each([
      ["created_at", "-created_at"],
      ["created_at", "pipeline_name"],
      ["pipeline_name", "-pipeline_name"],
      ["run_count", "created_at"],
      ["-last_run_time", "last_run_time"],
    ])("a cursor of ordering=%s used with ordering=%s is 400 on cursor", async (from, to) => {
      const first = pageOf(await listAt(org, org.member, `?page_size=2&ordering=${from}`));
      const res = await listAt(org, org.member, `?page_size=2&ordering=${to}&cursor=${first.next_cursor ?? ""}`);
      expectError(res, 400, "validation_error", { attr: "cursor", code: "invalid" });
    });

    it("a cursor of the default order used with an explicit ordering is 400 on cursor", async () => {
      const first = pageOf(await listAt(org, org.member, "?page_size=2"));
      expectError(await listAt(org, org.member, `?page_size=2&ordering=created_at&cursor=${first.next_cursor ?? ""}`), 400, "validation_error", {
        attr: "cursor",
      });
    });
  });

  describe("visibility", () => {
    let visOrg: TestOrg;
    let friend: Caller & { userId: string };
    let outsider: Caller;
    const mine: Record<string, string> = {};

    beforeAll(async () => {
      visOrg = await makeOrg();
      const [f, o] = [await addPerson(visOrg, "friend"), await addPerson(visOrg, "outsider")];
      friend = f;
      outsider = o;
      mine.own = (await createPipeline(visOrg, visOrg.member)).id;
      mine.shared = (await createPipeline(visOrg, visOrg.admin, { shared_users: [visOrg.member.userId] })).id;
      mine.org = (await createPipeline(visOrg, visOrg.admin, { shared_to_org: true })).id;
      mine.private = (await createPipeline(visOrg, visOrg.admin)).id;
      mine.friends = (await createPipeline(visOrg, visOrg.admin, { shared_users: [friend.userId] })).id;
    });

    const listed = async (who: Caller) => idsOf(pageOf(await listAt(visOrg, who))).sort();

    it("a member sees what they own, what is shared with them and what is shared to the org", async () => {
      expect(await listed(visOrg.member)).toEqual([mine.own, mine.shared, mine.org].sort());
      expect(pageOf(await listAt(visOrg, visOrg.member)).count).toBe(3);
    });

    // Moved from the old table in tests/pipelines/authorization.test.ts (its "listed" check for a
    // session): the cookie resolves to the same member, so the same pipelines, not just a 200.
    it("a member's session lists exactly what their token lists", async () => {
      const bySession = idsOf(pageOf(await listAt(visOrg, { cookie: await sessionCookie(visOrg.member) }))).sort();
      expect(bySession).toEqual([mine.own, mine.shared, mine.org].sort());
    });

    it("another member sees only what is shared to the org or with them", async () => {
      expect(await listed(outsider)).toEqual([mine.org]);
      expect(await listed(friend)).toEqual([mine.org, mine.friends].sort());
    });

    it("an org admin sees every pipeline of the org", async () => {
      expect(await listed(visOrg.admin)).toEqual(Object.values(mine).sort());
    });

    it("an admin of another org gets 404, anonymous and bad tokens 401", async () => {
      const stranger = await makeOrg();
      expectError(await listAt(visOrg, stranger.admin), 404, "client_error", { code: "not_found" });
      expectError(await listAt(visOrg, {}), 401, "client_error", { code: "not_authenticated" });
      expectError(await listAt(visOrg, { token: "slt_not-a-token" }), 401, "client_error", { code: "not_authenticated" });
    });
  });

  describe("page_size", () => {
    let big: TestOrg;
    beforeAll(async () => {
      big = await makeOrg();
      const db = await getDb();
      const rows = Array.from({ length: 1001 }, (_, i) => ({
        orgId: big.id,
        name: `bulk-${String(i).padStart(4, "0")}`,
        ownerId: big.admin.userId,
        createdAt: new Date(t + i * 1000),
      }));
      await db.insert(pipelines).values(rows);
    });

    it.each([
      ["page_size=5000 clamps to 1000", "?page_size=5000", 1000],
      ["page_size=1000", "?page_size=1000", 1000],
      ["page_size=7", "?page_size=7", 7],
      ["the default, 50", "", 50],
    ])("%s", async (_, query, size) => {
      const page = pageOf(await listAt(big, big.admin, query));
      expect(page.count).toBe(1001);
      expect(page.results).toHaveLength(size);
      expect(page.next).not.toBeNull();
    });

    it("page 2 of page_size=5000 holds the one row left, in created_at desc order", async () => {
      const one = pageOf(await listAt(big, big.admin, "?page_size=5000"));
      expect(one.results[0]?.pipeline_name).toBe("bulk-1000");
      const two = pageOf(await listAt(big, big.admin, pathOf(one.next ?? "").replace(/^[^?]*/, "")));
      expect(two.results.map((x) => x.pipeline_name)).toEqual(["bulk-0000"]);
      expect(two.next).toBeNull();
      expectError(await listAt(big, big.admin, "?page_size=5000&page=3"), 404, "client_error", { detail: "Invalid page." });
    });
  });
});
