// The first-start seed: acme_corp and its admin; demo data on request; once only.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { getDb } from "@/db/client";
import { executions, jobs, memberships, pipelineKeys, pipelines, resources, schedules, wrappers } from "@/db/schema";
import { DEMO_GLOBEX_ADMIN, DEMO_MEMBER } from "@/lib/domain/demo";
import { seedAtFirstStart } from "@/lib/domain/seed";
import { call } from "./support/http";

const TOKEN = "slt_seeded-admin-token-0123456789abcdef";

describe("seed at first start", () => {
  it("creates acme_corp, its admin, the admin token and the demo data, once", async () => {
    const db = await getDb();
    const first = await seedAtFirstStart(db, { adminEmail: "Boss@Example.com", adminToken: TOKEN, demo: true });
    expect(first.seeded).toBe(true);
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);

    // The printed password and the token both work.
    const login = await call(issueToken, { method: "POST", body: { email: "boss@example.com", password: first.generatedPassword, org: "acme_corp" } });
    expect(login.status).toBe(201);
    expect((await call(me, { token: TOKEN })).body).toMatchObject({ email: "boss@example.com", org: "acme_corp", role: "admin" });

    const second = await seedAtFirstStart(db, { adminEmail: "boss@example.com", demo: true });
    expect(second.seeded).toBe(false);
    expect(second.generatedPassword).toBeUndefined();

    // Demo: every pipeline type and every execution status, in both orgs.
    for (const org of ["acme_corp", "globex"]) {
      const types = await db.selectDistinct({ type: pipelines.type }).from(pipelines).where(eq(pipelines.orgId, org));
      expect(types.map((t) => t.type).sort()).toEqual(["APP", "DEFAULT", "ETL", "TASK"]);
      const statuses = await db.selectDistinct({ status: executions.status }).from(executions).where(eq(executions.orgId, org));
      expect(statuses.map((s) => s.status).sort()).toEqual(["COMPLETED", "ERROR", "EXECUTING", "PENDING", "STOPPED"]);
      const [withWrapper] = await db.select({ n: count() }).from(wrappers).innerJoin(resources, eq(resources.id, wrappers.resourceId)).where(eq(resources.orgId, org));
      expect(withWrapper?.n).toBeGreaterThan(0);
    }
    // Each pipeline got its API key; scheduled ones their schedule; counters match the runs.
    const [keys] = await db.select({ n: count() }).from(pipelineKeys).where(eq(pipelineKeys.orgId, "acme_corp"));
    expect(keys?.n).toBe(4);
    const [scheduled] = await db.select({ n: count() }).from(schedules).where(eq(schedules.orgId, "acme_corp"));
    expect(scheduled?.n).toBe(2);
    const mismatched = await db
      .select({ id: pipelines.id })
      .from(pipelines)
      // The demo orgs only: on Postgres other test files write runs of their own orgs meanwhile.
      .where(
        and(
          inArray(pipelines.orgId, ["acme_corp", "globex"]),
          sql`${pipelines.runCount} <> (select count(*) from ${executions} e where e.pipeline_id = ${pipelines.id})`,
        ),
      );
    expect(mismatched).toEqual([]);
    // Demo pipelines are whole: a job each (their page shows it), and storage "In use" holds the
    // records their runs say they moved (the overview's storage in use is not 0 B beside them).
    const [jobCount] = await db.select({ n: count() }).from(jobs).where(eq(jobs.orgId, "acme_corp"));
    expect(jobCount?.n).toBe(4);
    const empty = await db
      .select({ name: pipelines.name })
      .from(pipelines)
      .where(and(eq(pipelines.orgId, "acme_corp"), eq(pipelines.storageStatus, "InUse"), sql`${pipelines.storageRows} = 0`));
    expect(empty).toEqual([]);

    const member = await call(issueToken, { method: "POST", body: { email: DEMO_MEMBER.email, password: DEMO_MEMBER.password, org: "acme_corp" } });
    expect(member.status).toBe(201);
    const globex = await call(issueToken, { method: "POST", body: { email: DEMO_GLOBEX_ADMIN.email, password: DEMO_GLOBEX_ADMIN.password, org: "globex" } });
    expect(globex.status).toBe(201);
    const [memberRole] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, "acme_corp"), eq(memberships.role, "member")));
    expect(memberRole?.role).toBe("member");
  });
});
