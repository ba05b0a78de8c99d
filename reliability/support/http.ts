// Requests as a script sends them (bearer token, JSON), counted on the section that sends them.
import { ADMIN_TOKEN, ORG } from "./config";
import type { Section } from "./report";

export interface Reply {
  status: number;
  text: string;
  json: unknown;
  /** 0 when no answer came (connection refused or reset, timeout). */
  ok: boolean;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
  timeoutMs?: number;
  /** A 5xx here is expected (an outage) and judged by the caller, not counted as a failure. */
  allow5xx?: boolean;
}

export class Client {
  constructor(
    readonly base: string,
    readonly section: Section,
  ) {}

  async call(method: string, path: string, o: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? ADMIN_TOKEN : o.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (path.startsWith("/platform")) headers.customer_name ??= ORG;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers["content-type"] ??= "application/json";
    }
    this.section.requests++;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.base}${path}`, { method, headers, body, signal: AbortSignal.timeout(o.timeoutMs ?? 30_000) });
      text = await res.text();
    } catch (error) {
      return { status: 0, text: error instanceof Error ? error.message : String(error), json: null, ok: false };
    }
    let json: unknown = null;
    try {
      json = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      json = null;
    }
    if (res.status >= 500 && !o.allow5xx) this.section.serverError(`${method} ${path}`, res.status, text);
    return { status: res.status, text, json, ok: res.status >= 200 && res.status < 300 };
  }
}

export const v1 = (rest: string) => `/api/v1/unstract/${ORG}/${rest}`;

export function field<T>(value: unknown, key: string): T {
  if (value && typeof value === "object" && key in value) return (value as Record<string, unknown>)[key] as T;
  throw new Error(`no ${key} in ${JSON.stringify(value)?.slice(0, 200)}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

/** `n` tasks started in the same tick (the server sees them at once). */
export function together<T>(n: number, task: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => task(i)));
}
