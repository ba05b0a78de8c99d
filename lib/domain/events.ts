// State changes, announced with NOTIFY inside the transaction that makes them, so a listener
// hears of a change only once it is committed (and never of one rolled back).
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

export const EVENTS_CHANNEL = "sluice_events";

export interface MemberEvent {
  kind: "member";
  org_id: string;
  user_id: string;
  change: "added" | "removed" | "role";
  role?: string;
}

export interface TokenEvent {
  kind: "token";
  org_id: string;
  user_id: string;
  token_id: string;
  change: "revoked";
}

export type ChangeEvent =
  | { kind: "pipeline"; org_id: string; pipeline_id: string; change: "created" | "updated"; active?: boolean; name?: string }
  | {
      kind: "pipeline";
      org_id: string;
      pipeline_id: string;
      change: "deleted";
      name: string;
      // Who could see it, since it can no longer be looked up.
      audience: { owner_id: string; shared_to_org: boolean; shared_user_ids: string[] };
    }
  | {
      kind: "execution";
      org_id: string;
      pipeline_id: string;
      execution_id: string;
      status: string;
      successful_files?: number;
      failed_files?: number;
      total_files?: number;
    }
  | {
      kind: "storage";
      org_id: string;
      pipeline_id: string;
      storage_status: string;
      /** When this clear started: names the clear, so a client tells one clear's events from the next's. */
      started_at?: string;
      done_rows?: number;
      total_rows?: number;
      done_bytes?: number;
      total_bytes?: number;
    }
  | {
      kind: "decommission";
      org_id: string;
      pipeline_id: string;
      decommission_id: string;
      state: string;
      done_rows: number;
      total_rows: number;
      /** The pipeline's owner and who started it: who may still hear of it once it is deleted. */
      owner_id: string | null;
      started_by: string | null;
    }
  | MemberEvent
  // For the servers' own memory of who a token speaks for (lib/api/principal-cache.ts): a token
  // revoked, and a server saying it has heard of a change to forget. No console stream carries them.
  | TokenEvent
  | { kind: "heard"; org_id: string; of: TokenEvent | MemberEvent; by: string }
  | { kind: "wrapper"; org_id: string; resource_id: string; wrapper_id: string; status: string }
  | { kind: "resource"; org_id: string; resource_id: string; change: "created" | "deleted" };

export async function notifyInTx(db: Queryable, event: ChangeEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ ...event, at: new Date().toISOString() })})`);
}

/** Many events in one statement (the scheduler fires hundreds at once): one round trip. */
export async function notifyManyInTx(db: Queryable, events: ChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  const at = new Date().toISOString();
  const payloads = events.map((event) => sql`${JSON.stringify({ ...event, at })}`);
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, p) from unnest(array[${sql.join(payloads, sql`, `)}]::text[]) p`);
}
