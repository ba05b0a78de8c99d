// Demo data for SEED_DEMO=1: pipelines of every type with runs of every status, resources with
// wrappers, a member, and a second org with its own admin and pipelines.
import type { Tx } from "@/db/client";
import { memberships, type ExecutionStatus } from "@/db/schema";
import { PIPELINE_TYPES } from "@/lib/vocabulary";
import { recordPastRun } from "./executions";
import { createOrgWithAdmin } from "./orgs";
import { createPipelineInTx } from "./pipelines";
import type { Principal } from "./principal";
import { createResourceInTx } from "./resources";
import { createUser } from "./users";

export const DEMO_MEMBER = { email: "member@example.com", name: "Mia Member", password: "member-password" };
export const DEMO_GLOBEX_ADMIN = { email: "admin@globex.example", name: "Gus Globex", password: "globex-password" };

const HOUR = 3_600_000;

async function demoPipelines(tx: Tx, actor: Principal, prefix: string) {
  const source = await createResourceInTx(tx, actor, {
    name: `${prefix} sample source`,
    kind: "source",
    connector: "sample",
    config: { count: 100, delay_ms: 5, failure_rate: 0.02 },
    withWrapper: true,
  });
  const warehouse = await createResourceInTx(tx, actor, {
    name: `${prefix} warehouse`,
    kind: "destination",
    connector: "table",
    config: { table: `${prefix.toLowerCase()}_events` },
    withWrapper: true,
  });
  await createResourceInTx(tx, actor, {
    name: `${prefix} orders API`,
    kind: "source",
    connector: "http",
    config: { url: "http://127.0.0.1:9/orders.json", cursor_field: "updated_at" },
  });

  const history: ExecutionStatus[] = ["COMPLETED", "ERROR", "COMPLETED", "STOPPED", "COMPLETED"];
  const now = Date.now();
  for (const [i, type] of PIPELINE_TYPES.entries()) {
    const { pipeline } = await createPipelineInTx(tx, actor, {
      name: `${prefix.toLowerCase()}_${type.toLowerCase()}_sync`,
      type,
      description: `Demo ${type} pipeline reading from ${source.resource.name}.`,
      cronString: i % 2 === 0 ? "0 * * * *" : null,
      sharedToOrg: i === 0,
      // A job, as a real pipeline has: its page shows source → destination, and runs move records.
      jobs: [{ name: "events", sourceResourceId: source.resource.id, destinationResourceId: warehouse.resource.id }],
    });
    // Finished runs of every end status, then one live run (running or waiting) on two pipelines.
    const live: ExecutionStatus[] = i === 0 ? ["EXECUTING"] : i === 1 ? ["PENDING"] : [];
    for (const [j, status] of [...history, ...live].entries()) {
      await recordPastRun(tx, pipeline, {
        status,
        method: j % 2 === 0 ? "SCHEDULED" : "DIRECT",
        startedAt: new Date(now - (history.length + 1 - j) * HOUR - i * 60_000),
        seconds: 20 + 7 * j + i,
        successfulFiles: status === "ERROR" ? 3 : 40 + j * 5,
        failedFiles: status === "ERROR" ? 2 : j % 3,
        errorMessage: status === "ERROR" ? "Source returned HTTP 503" : null,
      });
    }
  }
}

export async function seedDemo(tx: Tx, admin: Principal): Promise<void> {
  const member = await createUser(tx, DEMO_MEMBER);
  await tx.insert(memberships).values({ orgId: admin.orgId, userId: member.id, role: "member" });
  await demoPipelines(tx, admin, "Acme");

  const globexAdmin = await createOrgWithAdmin(tx, { id: "globex", name: "Globex" }, DEMO_GLOBEX_ADMIN);
  await demoPipelines(tx, globexAdmin, "Globex");
}
