// The outbox relay (only with AMQP_URL): claims due outbox rows, publishes each to the durable
// queue named by its topic as a persistent message on a confirm channel, and marks a row
// delivered only once the broker has confirmed it. A failure (broker down, no confirm in time)
// counts an attempt, records the error and pushes the row back with exponential backoff; the
// connection is made again on the next step.
//
// Delivery is at-least-once: the rows stay locked (FOR UPDATE SKIP LOCKED) while they are
// published, so two relays never publish the same row, but a crash between the broker's confirm
// and our commit leaves the row undelivered and it is published again. Consumers may dedupe on
// the AMQP message id, which is the outbox row id.
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { ChannelModel, ConfirmChannel } from "amqplib";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { messageBody } from "@/lib/domain/outbox";

export interface RelayOptions {
  url: string;
  batchSize?: number;
  /** Backoff after a failed attempt: baseBackoffMs × 2^attempts, at most maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A batch not confirmed within this long counts as failed (a blocked or hung broker). */
  confirmTimeoutMs?: number;
}

export const DEFAULT_RELAY = { batchSize: 20, baseBackoffMs: 500, maxBackoffMs: 10_000, confirmTimeoutMs: 5_000 };

export interface OutboxRelay {
  /** Publishes one batch; true when a full batch went out (more may be waiting). */
  step: () => Promise<boolean>;
  close: () => Promise<void>;
}

type Row = typeof outboxMessages.$inferSelect;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

export function createOutboxRelay(db: Db, options: RelayOptions): OutboxRelay {
  const o = { ...DEFAULT_RELAY, ...options };
  let connection: ChannelModel | null = null;
  let channel: ConfirmChannel | null = null;
  const asserted = new Set<string>();
  let healthy = true; // log state changes only, not every failed step of an outage

  const forget = () => {
    connection = null;
    channel = null;
    asserted.clear();
  };

  async function ensureChannel(): Promise<ConfirmChannel> {
    if (channel) return channel;
    const amqp = await import("amqplib");
    const conn = await amqp.connect(o.url, { timeout: 5_000 });
    // Without 'error' listeners a dropped connection would throw out of the event loop.
    conn.on("error", () => {});
    conn.on("close", () => {
      if (connection === conn) forget();
    });
    try {
      const ch = await conn.createConfirmChannel();
      ch.on("error", () => {});
      ch.on("close", () => {
        if (channel === ch) channel = null;
        asserted.clear();
      });
      connection = conn;
      channel = ch;
      return ch;
    } catch (error) {
      await conn.close().catch(() => {});
      throw error;
    }
  }

  const backoff = (attempts: number) => Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** attempts);

  async function publish(ch: ConfirmChannel, row: Row): Promise<void> {
    if (!asserted.has(row.topic)) {
      await ch.assertQueue(row.topic, { durable: true });
      asserted.add(row.topic);
    }
    await new Promise<void>((resolve, reject) => {
      ch.sendToQueue(
        row.topic,
        Buffer.from(messageBody(row.topic, row.payload)),
        { persistent: true, contentType: "application/json", messageId: String(row.id), type: row.topic, timestamp: Math.floor(Date.now() / 1000) },
        (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve()),
      );
    });
  }

  /** Publishes the rows and waits for every confirm (or the timeout); the ids confirmed. */
  async function publishAll(ch: ConfirmChannel, rows: Row[]): Promise<{ delivered: Set<number>; errors: Map<number, string> }> {
    const delivered = new Set<number>();
    const errors = new Map<number, string>();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, o.confirmTimeoutMs)));
    const all = Promise.all(
      rows.map((row) =>
        publish(ch, row).then(
          () => void delivered.add(row.id),
          (error: unknown) => void errors.set(row.id, message(error)),
        ),
      ),
    );
    await Promise.race([all, timeout]);
    clearTimeout(timer);
    // A snapshot: a confirm arriving after the timeout must not change what we record below.
    const confirmed = new Set(delivered);
    const late = rows.filter((r) => !confirmed.has(r.id) && !errors.has(r.id));
    if (late.length) {
      late.forEach((r) => errors.set(r.id, `no confirm from the broker within ${o.confirmTimeoutMs} ms`));
      // A broker that stops confirming is treated as gone; a late confirm is ignored (and the
      // row sent again later: at-least-once, as above).
      const conn = connection;
      forget();
      await conn?.close().catch(() => {});
    }
    return { delivered: confirmed, errors };
  }

  const due = () => and(isNull(outboxMessages.deliveredAt), lte(outboxMessages.availableAt, sql`now()`));

  /** One claimed batch; `ch` null means the broker could not be reached: all of it fails. */
  async function relayBatch(ch: ConfirmChannel | null, reason: string): Promise<number> {
    return db.transaction(async (tx) => {
      const rows = await tx.select().from(outboxMessages).where(due()).orderBy(asc(outboxMessages.id)).limit(o.batchSize).for("update", { skipLocked: true });
      if (rows.length === 0) return 0;
      const { delivered, errors } = ch ? await publishAll(ch, rows) : { delivered: new Set<number>(), errors: new Map(rows.map((r) => [r.id, reason])) };
      if (delivered.size) {
        await tx
          .update(outboxMessages)
          .set({ deliveredAt: sql`now()`, attempts: sql`${outboxMessages.attempts} + 1`, lastError: null })
          .where(and(inArray(outboxMessages.id, [...delivered]), isNull(outboxMessages.deliveredAt)));
      }
      for (const row of rows.filter((r) => errors.has(r.id))) {
        await tx
          .update(outboxMessages)
          .set({
            attempts: row.attempts + 1,
            lastError: errors.get(row.id) ?? reason,
            availableAt: sql`now() + ${`${backoff(row.attempts + 1)} milliseconds`}::interval`,
          })
          .where(eq(outboxMessages.id, row.id));
      }
      if (errors.size && healthy) {
        healthy = false;
        console.error(`[worker:outbox-relay] publishing failed, will retry: ${[...errors.values()][0]}`);
      } else if (!errors.size && !healthy) {
        healthy = true;
        console.log("[worker:outbox-relay] publishing again");
      }
      return delivered.size === rows.length ? rows.length : 0;
    });
  }

  return {
    step: async () => {
      const [any] = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(due()).limit(1);
      if (!any) return false;
      let ch: ConfirmChannel | null = null;
      let reason = "";
      try {
        ch = await ensureChannel();
      } catch (error) {
        reason = `broker unreachable: ${message(error)}`;
      }
      return (await relayBatch(ch, reason)) === o.batchSize;
    },
    close: async () => {
      const conn = connection;
      forget();
      await conn?.close().catch(() => {});
    },
  };
}
