// What a run stores is what the source gave: each record's data in storage and in the
// destination table, in the source's order, and `bytes` the size of the record's JSON text in
// UTF-8. The batch goes to the database as one JSON text (lib/worker/record-lines.ts), so the
// records here carry what could break a hand-made text: quotes, backslashes, commas and
// brackets in strings, non-ASCII letters, an emoji, U+2028, nesting and numbers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { executions, storageRecords } from "@/db/schema";
import { executePipeline } from "@/lib/domain/executions";
import { createResourceInTx } from "@/lib/domain/resources";
import { executeNext } from "@/lib/worker/executor";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { executorOptions, pipelineWithJobs, tableDestination } from "./support";

const items = [
  { n: 1, text: 'a "quoted" word, and a back\\slash', list: [1, "]", { "}": "{" }] },
  { n: 2, text: "Zoë, Ærøskøbing, 東京, 😀, line\u2028separator", price: 12.5, none: null },
  { n: 3, nested: { deep: { deeper: [true, false, -0.001, 1e21] } }, empty: {}, blank: "" },
  ...Array.from({ length: 7 }, (_, i) => ({ n: i + 4, text: `record ${i + 4}, « ${"é".repeat(i)} »` })),
];

let org: TestOrg;
let server: http.Server;
let url: string;

beforeAll(async () => {
  org = await makeOrg();
  server = http.createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(items));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("a run's records, stored", () => {
  it("keep their data, their order and their size, in storage and in the destination table", async () => {
    const db = await getDb();
    const table = `texts_${Date.now()}`;
    const source = await db.transaction(
      async (tx) => (await createResourceInTx(tx, org.admin, { name: `items ${Date.now()}`, kind: "source", connector: "http", config: { url, batch_size: 4 } })).resource,
    );
    const destination = await tableDestination(org.admin, table);
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "items", sourceResourceId: source.id, destinationResourceId: destination.id }]);

    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    while (await executeNext(db, executorOptions(org.id))) {
      // until nothing is pending
    }
    const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(done).toMatchObject({ status: "COMPLETED", successfulFiles: items.length, failedFiles: 0 });

    const stored = await db
      .select({ data: storageRecords.data, bytes: storageRecords.bytes, executionId: storageRecords.executionId })
      .from(storageRecords)
      .where(eq(storageRecords.pipelineId, pipeline.id))
      .orderBy(asc(storageRecords.id));
    expect(stored.map((r) => r.data)).toEqual(items);
    expect(stored.map((r) => r.bytes)).toEqual(items.map((item) => Buffer.byteLength(JSON.stringify(item))));
    expect(new Set(stored.map((r) => r.executionId))).toEqual(new Set([execution.id]));

    const loaded = rowsOf<{ data: unknown; pipeline_id: string; execution_id: string }>(
      await db.execute(sql`select data, pipeline_id, execution_id from ${sql.identifier(`dest_${table}`)} order by id`),
    );
    expect(loaded.map((r) => (typeof r.data === "string" ? JSON.parse(r.data) : r.data))).toEqual(items);
    expect(loaded.every((r) => r.pipeline_id === pipeline.id && r.execution_id === execution.id)).toBe(true);

  });
});
