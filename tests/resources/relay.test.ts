// The outbox relay: a delete's `resource_deleted` message reaches the real RabbitMQ queue once,
// as a persistent message whose body is exactly {"resource_id","wrapper_id"}; with the broker
// down the delete still succeeds and the message waits (attempts counted, backoff), then goes
// out exactly once when the broker is back. All relay specs live in this one file: a relay
// claims every due row, so two files relaying at once would race each other's expectations.
import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import amqp, { type ConsumeMessage } from "amqplib";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { createOutboxRelay, type OutboxRelay } from "@/lib/worker/outbox-relay";
import { makeOrg } from "../support/fixtures";
import { amqpReachable } from "../support/reachable";
import { deleteVia, makeResource, stateOf, waitFor } from "./support";

const QUEUE = "resource_deleted";
// The relay is given its broker explicitly, so these specs run on every pass: AMQP_URL when set,
// else the machine's local RabbitMQ. Only a machine without one skips them, and never CI.
const LOCAL_RABBITMQ = "amqp://guest:guest@127.0.0.1:5672";
const brokerUrl = process.env.AMQP_URL || LOCAL_RABBITMQ;
const amqpUrl = (await amqpReachable(brokerUrl)) ? brokerUrl : null;
if (!amqpUrl && process.env.CI) throw new Error(`CI needs RabbitMQ at ${brokerUrl}: the outbox relay specs must run`);
if (!amqpUrl) console.warn(`[tests] no RabbitMQ at ${brokerUrl}: the RabbitMQ specs of the outbox relay are skipped`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function outboxRowOf(resourceId: string) {
  const [row] = (await stateOf(resourceId)).outbox;
  if (!row) throw new Error("no outbox row");
  return row;
}

/** Deletes a fresh resource with a wrapper through the API; its id and wrapper id. */
async function deletedResource() {
  const org = await makeOrg();
  const resource = await makeResource(org.admin);
  expect((await deleteVia(org.admin, resource.id)).status).toBe(200);
  return { resourceId: resource.id, wrapperId: resource.wrapper!.id };
}

async function withRelay<T>(url: string, run: (relay: OutboxRelay) => Promise<T>): Promise<T> {
  const relay = createOutboxRelay(await getDb(), { url, baseBackoffMs: 100, maxBackoffMs: 1000, confirmTimeoutMs: 3000 });
  try {
    return await run(relay);
  } finally {
    await relay.close();
  }
}

/** Steps the relay until the resource's outbox row is delivered; the row. */
async function relayUntilDelivered(relay: OutboxRelay, resourceId: string, ms = 30_000) {
  return waitFor(
    "delivery",
    async () => {
      await relay.step();
      const row = await outboxRowOf(resourceId);
      return row.deliveredAt ? row : null;
    },
    ms,
  );
}

/**
 * The messages about `resourceId` on the queue (acked: consumed). Others are held unacked while
 * we look further (no prefetch limit), then nacked back onto the queue for their owners:
 * nacking each one at once would only hand it straight back to us.
 */
async function consumeMine(url: string, resourceId: string, settleMs = 1000, timeoutMs = 15_000): Promise<ConsumeMessage[]> {
  const conn = await amqp.connect(url);
  try {
    const ch = await conn.createChannel();
    await ch.assertQueue(QUEUE, { durable: true });
    const mine: ConsumeMessage[] = [];
    const others: ConsumeMessage[] = [];
    let lastMine = 0;
    const { consumerTag } = await ch.consume(QUEUE, (msg) => {
      if (!msg) return;
      let about: unknown = null;
      try {
        about = (JSON.parse(msg.content.toString()) as { resource_id?: unknown }).resource_id;
      } catch {
        // not JSON: not ours
      }
      if (about === resourceId) {
        mine.push(msg);
        ch.ack(msg);
        lastMine = Date.now();
      } else {
        others.push(msg);
      }
    });
    const start = Date.now();
    while (Date.now() - start < timeoutMs && !(mine.length && Date.now() - lastMine > settleMs)) await sleep(50);
    await ch.cancel(consumerTag);
    for (const msg of others) ch.nack(msg, false, true);
    await ch.close();
    return mine;
  } finally {
    await conn.close();
  }
}

const rabbitmqctl = (command: "stop_app" | "start_app") => execFileSync("rabbitmqctl", [command], { stdio: "pipe", timeout: 60_000 });

describe("outbox relay without a reachable broker", () => {
  it("counts the attempt, records the error and backs off, capped at about 10 s", async () => {
    const { resourceId } = await deletedResource();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await withRelay("amqp://guest:guest@127.0.0.1:1", async (relay) => {
        const before = Date.now();
        await waitFor("an attempt", async () => {
          await relay.step();
          return (await outboxRowOf(resourceId)).attempts > 0;
        });
        const row = await outboxRowOf(resourceId);
        expect(row.deliveredAt).toBeNull();
        expect(row.lastError).toMatch(/^broker unreachable: /);
        expect(row.availableAt.getTime()).toBeGreaterThan(before);
        expect(await relay.step()).toBe(false); // not due again yet: nothing is retried in a tight loop
      });
      // The real relay's default cap: however many attempts, the next is at most ~10 s away.
      const db = await getDb();
      await db.update(outboxMessages).set({ attempts: 40, availableAt: new Date(0) }).where(eq(outboxMessages.id, (await outboxRowOf(resourceId)).id));
      const relay = createOutboxRelay(db, { url: "amqp://guest:guest@127.0.0.1:1" });
      try {
        const before = Date.now();
        await relay.step();
        const row = await outboxRowOf(resourceId);
        expect(row.attempts).toBe(41);
        expect(row.availableAt.getTime() - before).toBeLessThanOrEqual(10_000 + 1000);
        expect(row.availableAt.getTime() - before).toBeGreaterThan(5_000);
      } finally {
        await relay.close();
      }
    } finally {
      errors.mockRestore();
    }
  });
});

describe.skipIf(!amqpUrl)("outbox relay to RabbitMQ", () => {
  const url = amqpUrl ?? "";

  it("publishes one persistent message with the exact payload, marked delivered once confirmed", async () => {
    const { resourceId, wrapperId } = await deletedResource();
    await withRelay(url, async (relay) => {
      const row = await relayUntilDelivered(relay, resourceId);
      expect(row).toMatchObject({ topic: QUEUE, attempts: 1, lastError: null });
      const mine = await consumeMine(url, resourceId);
      expect(mine).toHaveLength(1);
      const [msg] = mine;
      expect(JSON.parse(msg!.content.toString())).toEqual({ resource_id: resourceId, wrapper_id: wrapperId });
      expect(Object.keys(JSON.parse(msg!.content.toString()) as object)).toEqual(["resource_id", "wrapper_id"]);
      expect(msg!.properties).toMatchObject({ deliveryMode: 2, contentType: "application/json", messageId: String(row.id) });
      // Delivered rows are never published again.
      await relay.step();
      expect((await outboxRowOf(resourceId)).attempts).toBe(1);
      expect(await consumeMine(url, resourceId, 300, 1500)).toHaveLength(0);
    });
  });

  it(
    "with the broker stopped the delete succeeds and the message waits; once it is back, it goes out exactly once",
    async () => {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      let stopped = false;
      try {
        await withRelay(url, async (relay) => {
          rabbitmqctl("stop_app");
          stopped = true;
          const { resourceId, wrapperId } = await deletedResource();
          await waitFor("a failed attempt", async () => {
            await relay.step();
            return (await outboxRowOf(resourceId)).attempts > 0;
          });
          await relay.step();
          const waiting = await outboxRowOf(resourceId);
          expect(waiting.deliveredAt).toBeNull();
          expect(waiting.attempts).toBeGreaterThan(0);
          expect(waiting.lastError).toBeTruthy();

          rabbitmqctl("start_app");
          stopped = false;
          const row = await relayUntilDelivered(relay, resourceId, 60_000);
          expect(row.attempts).toBeGreaterThan(waiting.attempts);
          const mine = await consumeMine(url, resourceId);
          expect(mine.map((m) => JSON.parse(m.content.toString()) as unknown)).toEqual([{ resource_id: resourceId, wrapper_id: wrapperId }]);
          expect(mine[0]!.properties.deliveryMode).toBe(2);
        });
      } finally {
        if (stopped) rabbitmqctl("start_app");
        errors.mockRestore();
      }
    },
    120_000,
  );
});
