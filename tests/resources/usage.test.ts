// Which pipelines use a connection (GET /api/v1/orgs/{org_id}/resources/{id}/usage), asked
// before deleting it: the ones the caller may see by name with their jobs, the others counted.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as usageRoute } from "@/app/api/v1/orgs/[org_id]/resources/[id]/usage/route";
import { getDb } from "@/db/client";
import { createPipeline } from "@/lib/domain/pipelines";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { deleteVia, makeResource, NO_SUCH_ID } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg(), makeOrg()]);
});

const usageOf = (token: string, id: string, orgId = org.id) =>
  call(usageRoute, { path: `/api/v1/orgs/${orgId}/resources/${id}/usage`, params: { org_id: orgId, id }, token });

const unique = (tag: string) => `${tag}_${Math.random().toString(16).slice(2, 8)}`;

describe("GET /api/v1/orgs/{org_id}/resources/{id}/usage", () => {
  it("names the pipelines the caller may see with the jobs using it, and counts the others", async () => {
    const db = await getDb();
    const source = await makeResource(org.admin, { with_wrapper: false });
    const destination = await makeResource(org.admin, { kind: "destination", connector: "table", config: { table: unique("usage") }, with_wrapper: false });
    const unrelated = await makeResource(org.admin, { with_wrapper: false });

    // The member's own pipeline reads it twice; the admin's private one reads it and writes elsewhere;
    // one shared to the org writes to the destination only; one uses something else entirely.
    const own = (
      await createPipeline(db, org.member, {
        name: unique("b_own"),
        jobs: [
          { name: "extract", sourceResourceId: source.id },
          { name: "again", sourceResourceId: source.id, destinationResourceId: destination.id },
        ],
      })
    ).pipeline;
    const hidden = (await createPipeline(db, org.admin, { name: unique("a_private"), jobs: [{ name: "secret", sourceResourceId: source.id }] })).pipeline;
    await createPipeline(db, org.admin, { name: unique("c_shared"), sharedToOrg: true, jobs: [{ name: "load", sourceResourceId: unrelated.id, destinationResourceId: destination.id }] });
    await createPipeline(db, org.admin, { name: unique("d_other"), jobs: [{ name: "x", sourceResourceId: unrelated.id }] });

    const asMember = await usageOf(org.member.token, source.id);
    expect(asMember).toMatchObject({ status: 200 });
    expect(asMember.body).toEqual({
      resource_id: source.id,
      pipelines: [{ id: own.id, pipeline_name: own.name, jobs: [{ name: "extract", role: "source" }, { name: "again", role: "source" }] }],
      hidden_pipelines: 1,
    });

    const asAdmin = await usageOf(org.admin.token, source.id);
    expect(asAdmin.body).toMatchObject({ hidden_pipelines: 0, pipelines: [{ id: hidden.id, jobs: [{ name: "secret", role: "source" }] }, { id: own.id }] });

    // An upper-case id names the same connection.
    const destinationUse = await usageOf(org.member.token, destination.id.toUpperCase());
    expect(destinationUse.body).toMatchObject({
      resource_id: destination.id,
      pipelines: [{ pipeline_name: own.name, jobs: [{ name: "again", role: "destination" }] }, { jobs: [{ name: "load", role: "destination" }] }],
      hidden_pipelines: 0,
    });
  });

  it("a connection no pipeline uses: an empty list", async () => {
    const lonely = await makeResource(org.member, { with_wrapper: false });
    expect(await usageOf(org.member.token, lonely.id)).toMatchObject({ status: 200, body: { resource_id: lonely.id, pipelines: [], hidden_pipelines: 0 } });
  });

  it("another org's connection, an unknown, a deleted or a malformed id is a 404, and so is another org's path", async () => {
    const theirs = await makeResource(other.admin, { with_wrapper: false });
    const gone = await makeResource(org.admin, { with_wrapper: false });
    expect((await deleteVia(org.admin, gone.id)).status).toBe(200);
    for (const id of [theirs.id, NO_SUCH_ID, gone.id, "not-an-object-id", "507f1f77bcf86cd79943901"]) {
      const res = await usageOf(org.admin.token, id);
      expect(res, id).toMatchObject({ status: 404, body: { type: "client_error", errors: [{ code: "not_found", detail: "Resource not found" }] } });
    }
    const mine = await makeResource(org.admin, { with_wrapper: false });
    expect((await usageOf(other.admin.token, mine.id, org.id)).status).toBe(404);
    expect((await usageOf(other.admin.token, mine.id, other.id)).status).toBe(404);
    expect((await call(usageRoute, { params: { org_id: org.id, id: mine.id } })).status).toBe(401);
  });
});
