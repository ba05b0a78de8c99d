// Found probing from outside (issue 15): pipeline names took CR/LF, "/" and "..", and a pipeline
// named ".." could not be reached in the storage dialect (/v0/pipelines/{name}). One rule now, in
// one message naming what is allowed, on every surface's create and rename. Pipelines already
// named otherwise are left as they are (no migration): they keep working and can be renamed.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { pipelines } from "@/db/schema";
import { PIPELINE_NAME_RULE } from "@/lib/pipeline-name-rules";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { admin, maestro } from "../maestro/support";
import { createPipeline, expectError, patchPipeline, routes, uniqueName } from "./support";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

const REFUSED = ["a\nb", "a\r\nb", "tab\there", "bell\u0007", "del\u007f", "c1\u0085", "line\u2028sep", "a/b", "/", ".", "..", " .. "];
const ALLOWED = ["nightly load", "données-été", "v1.2 (beta)", "a\\b", "...", "x..y", "a_b:c", "ünïcödé ✓"];

const create = (pipeline_name: string) =>
  call(routes.create, { method: "POST", params: { org_id: org.id }, token: org.admin.token, body: { pipeline_name } });

describe("a pipeline's name", () => {
  it.each(REFUSED.map((name) => [JSON.stringify(name), name]))("%s is refused on §1 create, naming what is allowed", async (_shown, name) => {
    expectError(await create(name), 400, "validation_error", { attr: "pipeline_name", detail: PIPELINE_NAME_RULE });
  });

  it.each(ALLOWED.map((name) => [JSON.stringify(name), name]))("%s is accepted", async (_shown, name) => {
    const res = await create(`${name} ${uniqueName("n").slice(-6)}`.slice(0, 32));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("is refused with the same message on Maestro create", async () => {
    for (const name of ["a/b", "..", "two\nlines"]) {
      const res = await maestro("create", org, admin(org), { body: { name, jobs: [] } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: false, error: "ValidationError", detail: PIPELINE_NAME_RULE });
    }
  });

  it("is refused on rename (PATCH and PUT)", async () => {
    const p = await createPipeline(org, { token: org.admin.token });
    expectError(await patchPipeline(org, { token: org.admin.token }, p.id, { pipeline_name: "x/y" }), 400, "validation_error", {
      attr: "pipeline_name",
      detail: PIPELINE_NAME_RULE,
    });
    const put = await call(routes.put, {
      method: "PUT",
      params: { org_id: org.id, id: p.id },
      token: org.admin.token,
      body: { pipeline_name: "..", pipeline_type: "DEFAULT" },
    });
    expectError(put, 400, "validation_error", { attr: "pipeline_name", detail: PIPELINE_NAME_RULE });
  });

  it("of a pipeline named before the rule is left alone: other changes work, and it can be renamed", async () => {
    const p = await createPipeline(org, { token: org.admin.token });
    const db = await getDb();
    await db.update(pipelines).set({ name: "old/../name" }).where(eq(pipelines.id, p.id));
    const patched = await patchPipeline(org, { token: org.admin.token }, p.id, { description: "still editable" });
    expect(patched.status).toBe(200);
    const put = await call(routes.put, {
      method: "PUT",
      params: { org_id: org.id, id: p.id },
      token: org.admin.token,
      body: { pipeline_name: "old/../name", pipeline_type: "DEFAULT" },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const renamed = await patchPipeline(org, { token: org.admin.token }, p.id, { pipeline_name: uniqueName("fixed") });
    expect(renamed.status).toBe(200);
  });
});

describe("the Postman download of a pipeline with an unsafe name (named before the rule)", () => {
  it("names the file with safe characters only in the plain filename, the real name in filename*", async () => {
    const p = await createPipeline(org, { token: org.admin.token });
    const db = await getDb();
    const name = `<b>"a/b\\c;d é`;
    await db.update(pipelines).set({ name }).where(eq(pipelines.id, p.id));
    const res = await call(routes.postman, { params: { org_id: org.id, id: p.id }, token: org.admin.token });
    expect(res.status).toBe(200);
    const disposition = res.headers.get("content-disposition") ?? "";
    const plain = /filename="([^"]*)"/.exec(disposition)?.[1];
    expect(plain).toMatch(/^[A-Za-z0-9._ ()-]+$/);
    expect(plain).toBe("_b__a_b_c_d _.json");
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${name}.json`)}`);
  });
});
