// §4 resources: create, list (skip/limit ≤ 50, newest first), get; who may call them and the
// {"detail": ...} errors of the dialect. Deleted resources are never listed nor found.
import { beforeAll, describe, expect, it } from "vitest";
import type { ResourceJson } from "@/lib/api/resources/format";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, sessionCookie } from "../support/http";
import { createResourceVia, deleteVia, getVia, ISO_RE, listVia, makeResource, NO_SUCH_ID, OBJECT_ID_RE, routes } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg(), makeOrg()]);
});

describe("POST /resources", () => {
  it("creates a source with a wrapper → 201 with the documented body", async () => {
    const res = await createResourceVia(org.admin, { name: "  Orders  ", kind: "source", connector: "http", config: { url: "https://example.com/o.json" }, with_wrapper: true });
    expect(res.status).toBe(201);
    const body = res.body as ResourceJson;
    expect(Object.keys(body).sort()).toEqual(["config", "connector", "created_at", "deleted", "id", "kind", "name", "updated_at", "wrapper"]);
    expect(body).toMatchObject({ name: "Orders", kind: "source", connector: "http", config: { url: "https://example.com/o.json" }, deleted: false });
    expect(body.id).toMatch(OBJECT_ID_RE);
    expect(body.created_at).toMatch(ISO_RE);
    expect(res.headers.get("location")).toBe(`/resources/${body.id}`);
    expect(body.wrapper).toEqual({ id: expect.stringMatching(/^wrapper_[0-9a-f]{12}$/), status: "PENDING", pid: null, started_at: null, stopped_at: null, heartbeat_at: null });
  });

  it("creates a table destination without a wrapper; members may create", async () => {
    const res = await createResourceVia(org.member, { name: "Warehouse", kind: "destination", connector: "table", config: { table: "wh_events" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "destination", connector: "table", wrapper: null });
  });

  it.each([
    ["a missing name", { kind: "source", connector: "sample" }, ["body", "name"], "missing"],
    ["a blank name", { name: " ", kind: "source", connector: "sample" }, ["body", "name"], "string_too_short"],
    ["an unknown kind", { name: "x", kind: "sink", connector: "sample" }, ["body", "kind"], "enum"],
    ["a config that is not an object", { name: "x", kind: "source", connector: "sample", config: [1] }, ["body", "config"], "dict_type"],
    ["a non-boolean with_wrapper", { name: "x", kind: "source", connector: "sample", with_wrapper: "yes" }, ["body", "with_wrapper"], "bool_type"],
    ["a destination connector on a source", { name: "x", kind: "source", connector: "table" }, ["body", "connector"], "value_error"],
    ["a source connector on a destination", { name: "x", kind: "destination", connector: "sample" }, ["body", "connector"], "value_error"],
    ["a table destination without a table", { name: "x", kind: "destination", connector: "table", config: {} }, ["body", "config"], "value_error"],
    ["an http source without a url", { name: "x", kind: "source", connector: "http", config: { url: "ftp://x" } }, ["body", "config"], "value_error"],
  ])("refuses %s → 422 in pydantic's list form", async (_, body, loc, type) => {
    const res = await createResourceVia(org.admin, body);
    expect(res.status).toBe(422);
    const detail = (res.body as { detail: { loc: unknown; type: string; msg: string }[] }).detail;
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject({ loc, type });
    expect(typeof detail[0]!.msg).toBe("string");
  });

  it("refuses a body that is not JSON → 422, and no credential → 401", async () => {
    const bad = await call(routes.create, { method: "POST", path: "/resources", raw: "{nope", token: org.admin.token });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({ detail: [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error" }] });
    const anonymous = await createResourceVia({}, { name: "x", kind: "source", connector: "sample" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: expect.any(String) });
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
  });
});

describe("GET /resources", () => {
  let made: ResourceJson[];
  let listOrg: TestOrg;
  beforeAll(async () => {
    listOrg = await makeOrg();
    made = [];
    for (let i = 0; i < 4; i++) made.push(await makeResource(listOrg.admin, { name: `r${i}` }));
    await makeResource(other.admin, { name: "elsewhere" });
    expect((await deleteVia(listOrg.admin, made[1]!.id)).status).toBe(200);
  });

  it("lists the live resources of the caller's org, newest first, with a total", async () => {
    const res = await listVia(listOrg.member);
    expect(res.status).toBe(200);
    const names = (res.body as ResourceJson[]).map((r) => r.name);
    expect(names).toEqual(["r3", "r2", "r0"]);
    expect(res.headers.get("x-total-count")).toBe("3");
    expect((res.body as ResourceJson[]).every((r) => r.deleted === false)).toBe(true);
  });

  it("pages with skip and limit", async () => {
    const page = await listVia(listOrg.admin, "?skip=1&limit=1");
    expect((page.body as ResourceJson[]).map((r) => r.name)).toEqual(["r2"]);
    const past = await listVia(listOrg.admin, "?skip=10");
    expect(past.body).toEqual([]);
    expect((await listVia(listOrg.admin, "?limit=50")).status).toBe(200);
  });

  it.each([
    ["limit above 50", "?limit=51", ["query", "limit"], "Input should be less than or equal to 50"],
    ["limit of 0", "?limit=0", ["query", "limit"], "Input should be greater than or equal to 1"],
    ["a limit that is not a number", "?limit=ten", ["query", "limit"], "Input should be a valid integer, unable to parse string as an integer"],
    ["a negative skip", "?skip=-1", ["query", "skip"], "Input should be a valid integer, unable to parse string as an integer"],
  ])("refuses %s → 422", async (_, query, loc, msg) => {
    const res = await listVia(listOrg.admin, query);
    expect(res.status).toBe(422);
    expect((res.body as { detail: unknown[] }).detail).toEqual([expect.objectContaining({ loc, msg })]);
  });

  it("answers the session as the token, and a bad token with 401", async () => {
    const cookie = await sessionCookie(listOrg.admin);
    const bySession = await listVia({ cookie });
    expect((bySession.body as ResourceJson[]).map((r) => r.name)).toEqual(["r3", "r2", "r0"]);
    const bad = await listVia({ token: "not-a-token" });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ detail: "Invalid token." });
  });
});

describe("GET /resources/{id}", () => {
  it("returns a live resource of the org to any member", async () => {
    const made = await makeResource(org.admin);
    const res = await getVia(org.member, made.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(made);
    expect((await getVia(org.member, made.id.toUpperCase())).status).toBe(200);
  });

  const cases: [string, number, string, () => Promise<string>][] = [
    ["a non-ObjectId", 400, "Invalid resource ID", async () => "not-an-id"],
    ["an id no resource has", 404, "Resource not found", async () => NO_SUCH_ID],
    ["another org's resource", 404, "Resource not found", async () => (await makeResource(other.admin)).id],
    [
      "a deleted resource",
      404,
      "Resource not found",
      async () => {
        const r = await makeResource(org.admin);
        expect((await deleteVia(org.admin, r.id)).status).toBe(200);
        return r.id;
      },
    ],
  ];
  it.each(cases)("%s → %i %s", async (_, status, detail, idOf) => {
    const res = await getVia(org.admin, await idOf());
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ detail });
  });
});
