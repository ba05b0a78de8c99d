// DELETE /resources/{id} (seed 003): every documented answer, and what a delete does in its
// one transaction: the flag, the wrapper's stop and log line, one outbox message with the exact
// payload, an audit row and NOTIFYs; a database failure gives the documented 500 and changes
// nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, listen } from "@/db/client";
import { EVENTS_CHANNEL } from "@/lib/domain/events";
import type { ResourceJson } from "@/lib/api/resources/format";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { sessionCookie } from "../support/http";
import { deleteVia, makeResource, NO_SUCH_ID, stateOf, waitFor, type Caller } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg(), makeOrg()]);
});

const deletedLine = (id: string) => new RegExp(`^Resource ${id} deleted at \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$`);

describe("DELETE /resources/{id}: refusals change nothing", () => {
  const cases: [string, number, string, () => Caller, (r: ResourceJson) => Promise<string> | string][] = [
    ["a member (not an admin)", 403, "Admin access required", () => org.member, (r) => r.id],
    ["a member, even for a malformed id", 403, "Admin access required", () => org.member, () => "xyz"],
    ["a bad token", 401, "Invalid token.", () => ({ token: "sk_wrong" }), (r) => r.id],
    ["no credential", 401, "Authentication credentials were not provided.", () => ({}), (r) => r.id],
    ["a non-ObjectId", 400, "Invalid resource ID", () => org.admin, () => "not-an-object-id"],
    ["an ObjectId of 23 hex digits", 400, "Invalid resource ID", () => org.admin, (r) => r.id.slice(1)],
    ["an id no resource has", 404, "Resource not found", () => org.admin, () => NO_SUCH_ID],
    ["another org's resource", 404, "Resource not found", () => other.admin, (r) => r.id],
  ];

  it.each(cases)("%s → %i %s", async (_, status, detail, who, idOf) => {
    const resource = await makeResource(org.admin);
    const res = await deleteVia(who(), await idOf(resource));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ detail });
    const state = await stateOf(resource.id);
    expect(state.resource).toMatchObject({ deleted: false, deletedAt: null });
    expect(state.wrapper).toMatchObject({ status: "PENDING", desiredRunning: true, stoppedAt: null });
    expect(state.logs).toEqual([]);
    expect(state.outbox).toEqual([]);
    expect(state.audit.map((a) => a.action)).toEqual(["resource.create"]);
  });

  it("an already deleted resource → 404, and no second message", async () => {
    const resource = await makeResource(org.admin);
    expect((await deleteVia(org.admin, resource.id)).status).toBe(200);
    const again = await deleteVia(org.admin, resource.id);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ detail: "Resource not found" });
    expect((await stateOf(resource.id)).outbox).toHaveLength(1);
  });
});

describe("DELETE /resources/{id}: success", () => {
  it("soft-deletes, stops the wrapper, logs, publishes through the outbox, audits, notifies", async () => {
    const resource = await makeResource(org.admin);
    const events: Record<string, unknown>[] = [];
    const unlisten = await listen(EVENTS_CHANNEL, (payload) => events.push(JSON.parse(payload) as Record<string, unknown>));
    try {
      const before = Date.now();
      const res = await deleteVia(org.admin, resource.id, { reason: "decommissioned" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: resource.id, deleted: true });

      const state = await stateOf(resource.id);
      expect(state.resource!.deleted).toBe(true);
      expect(state.resource!.deletedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(state.wrapper).toMatchObject({ status: "STOPPED", desiredRunning: false });
      expect(state.wrapper!.stoppedAt).toEqual(state.resource!.deletedAt);
      expect(state.wrapper!.statusChangedAt).toEqual(state.resource!.deletedAt);
      // The wrapper was not running: no "and wrapper process stopped".
      expect(state.logs).toEqual([`Resource ${resource.id} deleted at ${state.resource!.deletedAt!.toISOString()}`]);
      expect(state.logs[0]).toMatch(deletedLine(resource.id));
      expect(state.outbox).toHaveLength(1);
      expect(state.outbox[0]).toMatchObject({ topic: "resource_deleted", payload: { resource_id: resource.id, wrapper_id: resource.wrapper!.id } });
      expect(Object.keys(state.outbox[0]!.payload).sort()).toEqual(["resource_id", "wrapper_id"]);
      const audit = state.audit.find((a) => a.action === "resource.delete");
      expect(audit).toMatchObject({ orgId: org.id, actorUserId: org.admin.userId, objectName: resource.name, reason: "decommissioned" });

      await waitFor("the NOTIFYs", async () => events.some((e) => e.kind === "resource" && e.resource_id === resource.id));
      expect(events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "resource", change: "deleted", resource_id: resource.id, org_id: org.id }),
          expect.objectContaining({ kind: "wrapper", status: "STOPPED", wrapper_id: resource.wrapper!.id }),
        ]),
      );
    } finally {
      await unlisten();
    }
  });

  it("a resource without a wrapper publishes wrapper_id null; an admin's session works too", async () => {
    const resource = await makeResource(org.admin, { with_wrapper: false });
    const res = await deleteVia({ cookie: await sessionCookie(org.admin) }, resource.id.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: resource.id, deleted: true });
    const state = await stateOf(resource.id);
    expect(state.wrapper).toBeUndefined();
    expect(state.outbox.map((m) => m.payload)).toEqual([{ resource_id: resource.id, wrapper_id: null }]);
    expect(state.audit.find((a) => a.action === "resource.delete")?.reason).toBeNull();
  });
});

describe("DELETE /resources/{id}: a database failure", () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeAll(() => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(() => errors.mockRestore());

  it("answers 500 Internal server error and changes nothing", async () => {
    const db = await getDb();
    const resource = await makeResource(org.admin);
    if (!/^[0-9a-f]{24}$/.test(resource.id)) throw new Error("unexpected id");
    const name = `fail_outbox_${resource.id}`;
    // A real failure inside the delete's transaction: the outbox insert for this resource raises.
    await db.execute(
      sql.raw(`create function ${name}() returns trigger language plpgsql as $$
        begin
          if new.payload->>'resource_id' = '${resource.id}' then raise exception 'injected outbox failure'; end if;
          return new;
        end $$`),
    );
    await db.execute(sql.raw(`create trigger ${name} before insert on outbox_messages for each row execute function ${name}()`));
    try {
      const res = await deleteVia(org.admin, resource.id);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ detail: "Internal server error" });
    } finally {
      await db.execute(sql.raw(`drop trigger if exists ${name} on outbox_messages`));
      await db.execute(sql.raw(`drop function if exists ${name}()`));
    }
    expect(errors).toHaveBeenCalled();
    const state = await stateOf(resource.id);
    expect(state.resource).toMatchObject({ deleted: false, deletedAt: null });
    expect(state.wrapper).toMatchObject({ status: "PENDING", desiredRunning: true, stoppedAt: null });
    expect(state.logs).toEqual([]);
    expect(state.outbox).toEqual([]);
    expect(state.audit.map((a) => a.action)).toEqual(["resource.create"]);

    // And with the failure gone, the same delete goes through.
    expect((await deleteVia(org.admin, resource.id)).status).toBe(200);
  });
});
