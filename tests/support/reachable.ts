// Whether a real service answers, for the suites that need it (tests and reliability/): a
// suite may skip only when the part is absent on this machine, and says so.
import amqp from "amqplib";
import postgres from "postgres";

export async function postgresReachable(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

export async function amqpReachable(url: string): Promise<boolean> {
  try {
    const connection = await amqp.connect(url, { timeout: 3000 });
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

export async function redisReachable(url: string): Promise<boolean> {
  const { default: Redis } = await import("ioredis");
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
