// Row j: fan-out. `scale.streams` event streams open at once, half the admin's and half spread
// over the members, while the worker clears a pipeline shared to the org: how late its progress
// events reach every stream entitled to them, and what the server pays per delivered event.
import fs from "node:fs";
import { ORG, PORT, SPECIAL, TOKEN } from "../config";
import { meterServerCpu } from "../cpu";
import { sampleRss } from "../rss";
import { BASE, type Server } from "../server";
import { openEvents, type Stream } from "../sse";
import { percentile } from "../stats";
import { absolute, measured, type ResultRow } from "../table";
import { progressLatencies, requestClear, settle, untilClearedEvent } from "./clear";
import type { Ctx } from "./context";

/** Streams opened at a time: all at once would put every authentication in one queue. */
const WAVE = 50;

interface Listener {
  token: string;
  role: "admin" | "member";
  stream: Stream;
}

/** Half the streams are the admin's; the other half go round the members. */
function tokenFor(i: number, ctx: Ctx): { token: string; role: Listener["role"] } {
  if (i % 2 === 0) return { token: TOKEN, role: "admin" };
  return { token: ctx.memberTokens[Math.floor(i / 2) % ctx.memberTokens.length] ?? TOKEN, role: "member" };
}

/** Whether the token's holder may see the pipeline (lib/domain/event-visibility.ts: the same rule as the API's). */
async function maySee(token: string, name: string): Promise<boolean> {
  const res = await fetch(`${BASE}/v0/pipelines/${name}`, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200 && res.status !== 404) throw new Error(`GET /v0/pipelines/${name}: ${res.status}`);
  return res.status === 200;
}

/** Established TCP connections to the server's port, counted on the server's side (/proc/net). */
function serverConnections(): number {
  const port = `:${PORT.toString(16).toUpperCase().padStart(4, "0")}`;
  let n = 0;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local?.endsWith(port) && state === "01") n++;
    }
  }
  return n;
}

async function openAll(ctx: Ctx): Promise<Listener[]> {
  const listeners: Listener[] = [];
  for (let first = 0; first < ctx.scale.streams; first += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, ctx.scale.streams - first) }, async (_, j) => {
      const { token, role } = tokenFor(first + j, ctx);
      // openEvents resolves on ": connected": the server holds this stream open from here on.
      return { token, role, stream: await openEvents(ORG, token, 60_000) };
    });
    listeners.push(...(await Promise.all(wave)));
  }
  return listeners;
}

export async function streamsRows(ctx: Ctx, server: Server): Promise<ResultRow[]> {
  const name = SPECIAL.clearStreams;
  const n = ctx.scale.streams;
  const tokens = [TOKEN, ...ctx.memberTokens];
  const entitled = new Set<string>();
  for (const token of tokens) if (await maySee(token, name)) entitled.add(token);
  if (entitled.size < tokens.length) throw new Error(`${tokens.length - entitled.size} of the bench's users cannot see ${name}: row j measures fan-out to all`);

  const listeners = await openAll(ctx);
  // Every stream said "connected" and none was closed: they are all open now, which the
  // server's own socket table confirms (the client could otherwise be queueing some).
  const sockets = serverConnections();
  if (sockets < n) throw new Error(`${n} streams said connected but the server holds only ${sockets} connections`);

  const cpu = meterServerCpu(server.pid);
  const rss = sampleRss(server.pid);
  let cpuSeconds: number;
  let peakMiB: number;
  try {
    await requestClear(name);
    // The end is read from an admin's stream, as a console learns it: a poll is a load of its own.
    await untilClearedEvent(listeners.find((l) => l.role === "admin")!.stream, name, ctx.ids.clearStreams);
    await settle();
  } finally {
    cpuSeconds = cpu.stop();
    peakMiB = rss.stop();
    for (const l of listeners) l.stream.close();
  }

  const heard = listeners.filter((l) => entitled.has(l.token)).map((l) => ({ ...l, latencies: progressLatencies(l.stream, ctx.ids.clearStreams) }));
  const all = heard.flatMap((l) => l.latencies);
  const deaf = heard.filter((l) => l.latencies.length === 0).length;
  if (all.length === 0) throw new Error("no progress event of row j's clear reached any stream");
  const p95Of = (role: Listener["role"]) => Math.round(percentile(heard.filter((l) => l.role === role).flatMap((l) => l.latencies), 95));
  const admins = heard.filter((l) => l.role === "admin").length;
  const records = ctx.scale.clearStorage.toLocaleString("en-US");
  return [
    absolute(
      "j",
      `event latency, ${n.toLocaleString("en-US")} streams during a ${records}-record clear, p95`,
      percentile(all, 95),
      "ms",
      { text: "≤ 250 ms", max: 250 },
      `${n} open at once (${sockets} server connections); ${admins} admin + ${heard.length - admins} member streams; ` +
        `p95 admin ${p95Of("admin")} ms, member ${p95Of("member")} ms; ${deaf} streams heard nothing`,
    ),
    measured("j", "server CPU per delivered event", "ms", (cpuSeconds * 1000) / all.length, null, null, `${all.length} events delivered; ${cpuSeconds.toFixed(1)} CPU s of the server's process tree (PGlite's work included, Postgres's backends not)`),
    absolute("j", "web server peak RSS during the fan-out", peakMiB, "MiB", { text: "(reported)" }),
  ];
}
