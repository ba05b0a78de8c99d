// A batch of records goes to the database as one parameter: the JSON array of the records'
// serialized texts, which json_array_elements splits back, keeping each element's text as sent
// (json, unlike jsonb, is not re-formatted). Built by drizzle as a row of parameters per record,
// a 500-record insert cost ~23 ms of JavaScript on the thread that also serves the console
// (bench row l: a pause waited behind it); as one parameter, ~0.3 ms.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { storageRecords } from "@/db/schema";

/** The records as rows `line(data json, n bigint)`, n counting from 1 in the batch's order. */
export function recordLines(lines: string[]): SQL {
  return sql`json_array_elements(${`[${lines.join(",")}]`}::json) with ordinality as line(data, n)`;
}

export interface RecordOwner {
  orgId: string;
  pipelineId: string;
  jobId: string;
  executionId: string;
}

/** Stores a batch in the pipeline's storage, in order; `bytes` is each record's serialized size. */
export async function insertRecords(tx: Queryable, owner: RecordOwner, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.execute(sql`
    insert into ${storageRecords} (org_id, pipeline_id, job_id, execution_id, data, bytes)
    select ${owner.orgId}, ${owner.pipelineId}::uuid, ${owner.jobId}::uuid, ${owner.executionId}::uuid, line.data::jsonb, octet_length(line.data::text)
    from ${recordLines(lines)}
    order by line.n`);
}
