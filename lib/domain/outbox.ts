// The transactional outbox: a message is a row written in the transaction of the change it
// announces, so it exists if and only if the change committed. The outbox relay (worker)
// forwards rows to RabbitMQ when AMQP_URL is set; without it this table is the queue.
import type { Queryable } from "@/db/client";
import { outboxMessages } from "@/db/schema";

/** Topics are queue names on the broker. */
export const RESOURCE_DELETED = "resource_deleted";

export type OutboxTopic = typeof RESOURCE_DELETED;

export interface ResourceDeletedPayload {
  resource_id: string;
  wrapper_id: string | null;
  [key: string]: unknown;
}

/** Adds a message to the outbox inside `tx`; returns its id (also the AMQP message id). */
export async function enqueueInTx(tx: Queryable, topic: OutboxTopic, payload: Record<string, unknown>): Promise<number> {
  const [row] = await tx.insert(outboxMessages).values({ topic, payload }).returning({ id: outboxMessages.id });
  if (!row) throw new Error("outbox insert returned no row");
  return row.id;
}

// jsonb keeps keys in its own order (shortest first), so the documented order of each topic's
// body is restored when a message is sent: {"resource_id", "wrapper_id"}, as seed 003 shows it.
const FIELD_ORDER: Record<string, readonly string[]> = { [RESOURCE_DELETED]: ["resource_id", "wrapper_id"] };

/** The message body of a stored payload: its JSON, documented fields first. */
export function messageBody(topic: string, payload: Record<string, unknown>): string {
  const first = (FIELD_ORDER[topic] ?? []).filter((key) => key in payload);
  const rest = Object.keys(payload).filter((key) => !first.includes(key));
  return JSON.stringify(Object.fromEntries([...first, ...rest].map((key) => [key, payload[key]])));
}
