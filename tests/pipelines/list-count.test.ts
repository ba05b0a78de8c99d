// The list's `count`: an admin's unfiltered list reads the org's kept count (triggers of
// migration 0001), so it must equal the real number of pipelines after every kind of change.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orgs, pipelines } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { createPipeline, listAt, routes, uniqueName, type PageJson, type PipelineJson } from "./support";

let org: TestOrg;

beforeAll(async () => {
  org = await makeOrg();
});

async function listedCount(query = ""): Promise<number> {
  const res = await listAt(org, org.admin, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as PageJson<PipelineJson>).count;
}

async function realCount(orgId = org.id): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(pipelines).where(eq(pipelines.orgId, orgId));
  return row?.n ?? -1;
}

describe("count of an admin's unfiltered list", () => {
  it("follows creates through the API, deletes through the API, and bulk SQL", async () => {
    expect(await listedCount()).toBe(0);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createPipeline(org, org.member));
    expect(await listedCount()).toBe(3);

    const removed = await call(routes.remove, {
      method: "DELETE",
      token: org.admin.token,
      params: { org_id: org.id, id: made[0]!.id },
    });
    expect(removed.status).toBe(204);
    expect(await listedCount()).toBe(2);

    // One statement inserting many rows, another deleting several: the statement triggers
    // count them all.
    const db = await getDb();
    await db.insert(pipelines).values(
      Array.from({ length: 25 }, () => ({ orgId: org.id, name: uniqueName("bulk"), ownerId: org.admin.userId })),
    );
    expect(await listedCount()).toBe(27);
    await db.execute(sql`delete from ${pipelines} where ${pipelines.orgId} = ${org.id} and ${pipelines.name} like 'bulk%'`);
    expect(await listedCount()).toBe(2);
    expect(await listedCount()).toBe(await realCount());
  });

  it("a rolled-back insert leaves the count as it was", async () => {
    const before = await listedCount();
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(pipelines).values({ orgId: org.id, name: uniqueName("rollback"), ownerId: org.admin.userId });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await listedCount()).toBe(before);
  });

  it("filtered lists and other orgs are unaffected by the kept count", async () => {
    const other = await makeOrg();
    await createPipeline(other, other.member, { pipeline_name: uniqueName("elsewhere") });
    const named = await createPipeline(org, org.member, { pipeline_name: uniqueName("needle") });
    expect(await listedCount(`?search=${encodeURIComponent(named.pipeline_name)}`)).toBe(1);
    expect(await listedCount()).toBe(await realCount());
    const db = await getDb();
    const [kept] = await db.select({ n: orgs.pipelineCount }).from(orgs).where(eq(orgs.id, other.id));
    expect(kept?.n).toBe(await realCount(other.id));
  });
});
