// The fuzzer's second pass (issue 15, item 8): what generated field values never reach. Every
// operation with a body gets JSON nested past the limit (65, 2,000 or 100,000 levels) and one
// operation per dialect a body over the 10 MiB limit; every documented path gets each method it
// does not document; every dialect's prefix gets paths nobody routes. Each probe says what it
// expects, so the runner fails on a 5xx, on a wrong status and on an answer out of its dialect.
import fc from "fast-check";
import { ADMIN_TOKEN } from "./support/config";

export interface Probe {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  what: string;
  /** Statuses that are right for this probe. */
  expect: number[];
  /** A 405 must say which methods are served. */
  needsAllow?: boolean;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const MIB = 1024 * 1024;

export interface DocumentedOperation {
  method: string;
  path: string;
}

/** `depth` levels of nested objects and arrays, as text (building it as a value would recurse). */
function nested(depth: number): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    if (i % 2) {
      open.push("[");
      close.push("]");
    } else {
      open.push('{"a":');
      close.push("}");
    }
  }
  return open.join("") + "1" + close.reverse().join("");
}

const prefixOf = (path: string) => path.split("/").slice(0, path.startsWith("/api/v1") ? 4 : 2).join("/");

export function limitProbes(ops: DocumentedOperation[], fillPath: (path: string) => string, pick: <T>(arb: fc.Arbitrary<T>) => T): Probe[] {
  const probes: Probe[] = [];
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const json = { ...auth, "content-type": "application/json" };

  // Too deep: refused before anything reads the body's fields. A route may refuse the request
  // for another reason first (an id that names nothing: 404), never with a 5xx.
  for (const op of ops.filter((o) => ["POST", "PUT", "PATCH"].includes(o.method))) {
    const depth = pick(fc.constantFrom(65, 2_000, 100_000));
    probes.push({ method: op.method, path: fillPath(op.path), headers: json, body: nested(depth), what: `JSON nested ${depth} deep`, expect: [400, 401, 403, 404, 409, 415, 429] });
  }

  // Too large: one operation with a body per dialect (11 MiB each is enough to prove the limit).
  const seen = new Set<string>();
  for (const op of ops.filter((o) => o.method === "POST")) {
    const prefix = prefixOf(op.path);
    if (seen.has(prefix)) continue;
    seen.add(prefix);
    const body = `{"pad":"${"x".repeat(11 * MIB)}"}`;
    probes.push({ method: op.method, path: fillPath(op.path), headers: json, body, what: "a body of 11 MiB", expect: [413] });
  }

  // Methods nobody documents on a documented path: 405 with Allow. Auth.js serves GET and POST
  // on every /api/auth/ path itself (its own router), so there only the other methods are 405.
  const documented = new Map<string, Set<string>>();
  for (const op of ops) documented.set(op.path, (documented.get(op.path) ?? new Set()).add(op.method));
  for (const [path, methods] of documented) {
    for (const method of METHODS) {
      if (methods.has(method)) continue;
      if (path.startsWith("/api/auth/") && (method === "GET" || method === "POST")) continue;
      probes.push({ method, path: fillPath(path), headers: method === "GET" || method === "DELETE" ? auth : json, body: method === "GET" || method === "DELETE" ? null : "{}", what: `undocumented ${method}`, expect: [405], needsAllow: true });
    }
  }

  // Paths nobody routes, under every prefix: 404 in that prefix's dialect, not an HTML page.
  for (const prefix of ["/api/v1/unstract/acme_corp", "/api/v1", "/api", "/platform", "/v0", "/resources", "/deployment"]) {
    const segment = pick(fc.stringMatching(/^[a-z][a-z0-9_]{3,12}$/));
    probes.push({ method: pick(fc.constantFrom(...METHODS)), path: `${prefix}/zz_${segment}/x`, headers: json, body: null, what: "a path nobody routes", expect: [404] });
  }
  return probes;
}
