// Who a token speaks for, and which role a member holds, remembered by this process for a short
// while: without it every request of a script paid one statement (a round trip, ~1 ms of this
// server's CPU) before its own work (issue 16, row a).
//
// Remembering stays exact because every change that could make a remembered answer wrong is
// committed with a NOTIFY that every server hears (lib/api/events-hub.ts): a revoked token
// (`token` event) is forgotten, a membership added, removed or given another role (`member`
// event) forgets what was remembered of that member. While this process is not listening
// nothing is remembered, and when its LISTEN is re-established (notifications sent meanwhile
// are lost) everything learnt before is forgotten. A token's expiry is checked on every request,
// from the expires_at remembered with it. The time limit is a backstop, not the mechanism.
import { sql } from "drizzle-orm";
import type { Role } from "@/db/schema";
import type { TokenGrant } from "@/lib/domain/tokens";
import type { StampedEvent } from "./events-hub";
import { listenGeneration, subscribe } from "./events-hub";
import { dbKind, getDb, postgresApplicationName, type Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { notifyInTx, type MemberEvent, type TokenEvent } from "@/lib/domain/events";

const TTL_MS = 30_000;
// Past this many answers the memory starts over rather than grow (one answer per live token and
// per signed-in member: far fewer in any org this console serves).
const LIMIT = 10_000;

interface Remembered<T> {
  value: T;
  orgId: string;
  userId: string;
  generation: number;
  at: number;
}

interface Memory {
  grants: Map<string, Remembered<TokenGrant>>;
  roles: Map<string, Remembered<Role>>;
  /** Counts the events that made this process forget: an answer read across one is not kept. */
  forgettings: number;
  hearing: "no" | "yes";
  subscribing: Promise<void> | null;
}

// On globalThis: Next.js may load this module more than once in one process.
const slot = Symbol.for("sluice.principal-cache");
const holder = globalThis as unknown as { [slot]?: Memory };

function memory(): Memory {
  holder[slot] ??= { grants: new Map(), roles: new Map(), forgettings: 0, hearing: "no", subscribing: null };
  return holder[slot];
}

function onEvent(event: StampedEvent): void {
  if (event.kind !== "token" && event.kind !== "member") return;
  if (event.kind === "token") forgetToken(event.token_id);
  else forgetMember(event.org_id, event.user_id);
  // Says so, for the server that made the change: it answers once every server has (see below).
  const { at: _at, ...of } = event;
  getDb()
    .then((db) => notifyInTx(db, { kind: "heard", org_id: event.org_id, of, by: postgresApplicationName() }))
    .catch(() => {}); // that server stops waiting after ECHO_WAIT_MS
}

/**
 * Subscribes this memory to the change events (whoever started the LISTEN), resolving once it
 * hears them; until then nothing is remembered. The server calls it at boot; the first use would.
 */
export function startRemembering(): Promise<void> {
  const m = memory();
  m.subscribing ??= subscribe(onEvent).then(
    () => {
      m.hearing = "yes";
    },
    (error: unknown) => {
      m.subscribing = null; // the next use tries again
      throw error;
    },
  );
  return m.subscribing;
}

/** The LISTEN generation answers may be remembered under now, or 0 while they may not. */
function listening(m: Memory): number {
  if (m.hearing === "yes") return listenGeneration();
  startRemembering().catch(() => {});
  return 0;
}

function recall<T>(map: Map<string, Remembered<T>>, key: string): T | undefined {
  const entry = map.get(key);
  if (!entry) return undefined;
  if (entry.generation === listenGeneration() && Date.now() - entry.at < TTL_MS) return entry.value;
  map.delete(key);
  return undefined;
}

/**
 * The answer `read` gives, remembered under `key` when this process is listening and no event
 * made it forget while `read` ran (the answer may predate that event's change).
 */
async function remembering<T>(
  map: Map<string, Remembered<T>>,
  key: string,
  owner: (value: T) => { orgId: string; userId: string },
  read: () => Promise<T | null>,
): Promise<T | null> {
  const known = recall(map, key);
  if (known !== undefined) return known;
  const m = memory();
  const generation = listening(m);
  const forgettings = m.forgettings;
  const value = await read();
  if (value === null || generation === 0 || generation !== listenGeneration() || forgettings !== m.forgettings) return value;
  if (map.size >= LIMIT) map.clear();
  map.set(key, { value, ...owner(value), generation, at: Date.now() });
  return value;
}

/** A token's grant (keyed by the token's hash), read by `read` when not remembered. */
export function rememberedGrant(tokenHash: string, read: () => Promise<TokenGrant | null>): Promise<TokenGrant | null> {
  return remembering(memory().grants, tokenHash, (grant) => grant.principal, read);
}

const roleKey = (orgId: string, userId: string) => `${orgId}\n${userId}`;

/** A member's role in an org, read by `read` when not remembered. */
export function rememberedRole(orgId: string, userId: string, read: () => Promise<Role | null>): Promise<Role | null> {
  return remembering(memory().roles, roleKey(orgId, userId), () => ({ orgId, userId }), read);
}

/** Forgets a token at once in this process (the others hear its event). */
export function forgetToken(tokenId: string): void {
  const m = memory();
  m.forgettings++;
  for (const [key, entry] of m.grants) if (entry.value.principal.tokenId === tokenId) m.grants.delete(key);
}

/** Forgets a member's role and tokens at once in this process (the others hear its event). */
export function forgetMember(orgId: string, userId: string): void {
  const m = memory();
  m.forgettings++;
  for (const [key, entry] of m.grants) if (entry.orgId === orgId && entry.userId === userId) m.grants.delete(key);
  m.roles.delete(roleKey(orgId, userId));
}


// How long a change that every server must hear of waits for them to say they have.
const ECHO_WAIT_MS = 2_000;

/** The web servers listening on this database, by the name their connections carry. */
async function listeningServers(db: Queryable): Promise<string[]> {
  // The embedded database has one process, which forgets at once (see the routes).
  if (dbKind() === "pglite") return [];
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select distinct application_name as name from pg_stat_activity
      where datname = current_database() and application_name like 'sluice web %' and query ilike 'listen %'`),
  );
  return rows.map((r) => r.name);
}

/**
 * Runs `change`, whose committed NOTIFY makes every server forget something (a token revoked, a
 * membership changed), and answers once every web server listening on the database has said it
 * heard (each NOTIFYs a `heard` event), or after ECHO_WAIT_MS. So the client's next request,
 * whichever server it reaches, finds the change in force.
 */
export async function heardEverywhere<T>(
  db: Queryable,
  change: () => Promise<T>,
  isItsEvent: (event: TokenEvent | MemberEvent) => boolean,
): Promise<T> {
  if (memory().hearing !== "yes") return change();
  const heardBy = new Set<string>();
  let wake: () => void = () => {};
  const unsubscribe = await subscribe((event) => {
    if (event.kind !== "heard" || !isItsEvent(event.of)) return;
    heardBy.add(event.by);
    wake();
  });
  try {
    const result = await change();
    const servers = await listeningServers(db);
    const deadline = Date.now() + ECHO_WAIT_MS;
    while (!servers.every((name) => heardBy.has(name)) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return result;
  } finally {
    unsubscribe();
  }
}
