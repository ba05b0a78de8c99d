// The JavaScript a run spends to build one batch's inserts, on the thread that also serves the
// console (bench row l): the records as drizzle's row-per-record insert (what the executor did
// until the eighth session of issue 16) against one JSON parameter (lib/worker/record-lines.ts).
// Builds the statements only; nothing is sent.
//
//   node --import tsx bench/record-batch-cpu.ts [records per batch, 500] [batches, 200]
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import { storageRecords } from "@/db/schema";
import { recordLines } from "@/lib/worker/record-lines";

const size = Number(process.argv[2] ?? 500);
const batches = Number(process.argv[3] ?? 200);
// The sample source's records, as the bench's row l run reads them.
const records = Array.from({ length: size }, (_, i) => ({ n: i + 1, value: Math.round(Math.random() * 1e6) / 1e3, label: `record ${i + 1}` }));
const owner = {
  orgId: "acme_corp",
  pipelineId: "00000000-0000-4000-8000-000000000001",
  jobId: "00000000-0000-4000-8000-000000000002",
  executionId: "00000000-0000-4000-8000-000000000003",
};
// A driver-less drizzle: toSQL() needs none.
const db = drizzle.mock();
const dialect = new PgDialect();

function rowPerRecord(): number {
  const rows = records.map((data) => ({ ...owner, data, bytes: Buffer.byteLength(JSON.stringify(data)) }));
  const { params } = db.insert(storageRecords).values(rows).toSQL();
  const file = records.map((data) => JSON.stringify(data)).join("\n");
  return params.length + file.length;
}

function oneParameter(): number {
  const lines = records.map((data) => JSON.stringify(data));
  const { params } = dialect.sqlToQuery(recordLines(lines));
  return params.length + lines.join("\n").length;
}

for (const [name, build] of [
  ["row per record (drizzle insert)", rowPerRecord],
  ["one JSON parameter (record-lines)", oneParameter],
] as const) {
  for (let i = 0; i < 20; i++) build();
  const started = process.cpuUsage();
  for (let i = 0; i < batches; i++) build();
  const used = process.cpuUsage(started);
  console.log(`${name}: ${((used.user + used.system) / 1000 / batches).toFixed(2)} ms of CPU per ${size}-record batch`);
}
