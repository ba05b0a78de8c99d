// The one way the console calls its JSON API: same-origin, session cookie, and every failure
// turned into an ApiError carrying the status and the {code, detail, attr} items of the body.
export interface ApiErrorItem {
  code: string;
  detail: string;
  attr: string | null;
}

// The console speaks every dialect it calls: §1 {errors: [...]}, the storage API's
// {message, error_code}, the {detail} / {msg} bodies of the resources and Maestro APIs, and
// FastAPI's 422 {detail: [{loc, msg}]}. Read with small guards rather than zod: this file is
// in every console page's first load, where zod would add about 25 kB (gzip) to read errors.
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

function isV1Item(v: unknown): v is ApiErrorItem {
  return isObject(v) && isString(v.code) && isString(v.detail) && (v.attr === null || isString(v.attr));
}

function isLocatedMessage(v: unknown): v is { loc: (string | number)[]; msg: string } {
  return isObject(v) && isString(v.msg) && Array.isArray(v.loc) && v.loc.every((p) => isString(p) || typeof p === "number");
}

function errorItems(body: unknown): ApiErrorItem[] {
  if (!isObject(body)) return [];
  const { errors, message, error_code, detail, error, msg } = body;
  if (Array.isArray(errors) && errors.every(isV1Item)) return errors.map(({ code, detail: text, attr }) => ({ code, detail: text, attr }));
  if (isString(message) && isString(error_code)) return [{ code: error_code, detail: message, attr: null }];
  if (isString(detail) && (error === undefined || isString(error))) return [{ code: error ?? "error", detail, attr: null }];
  if (Array.isArray(detail) && detail.every(isLocatedMessage)) {
    return detail.map((item) => ({
      code: "invalid",
      detail: item.msg,
      // ["body", "config", "url"] → "config.url", the field as a form names it.
      attr: item.loc.filter((part, i) => !(i === 0 && (part === "body" || part === "query"))).join(".") || null,
    }));
  }
  if (isString(msg)) return [{ code: "error", detail: msg, attr: null }];
  return [];
}

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorItem[];

  constructor(status: number, errors: ApiErrorItem[]) {
    super(errors.map((item) => item.detail).join(" ") || `The request failed (HTTP ${status}).`);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }

  /** The message about one field of the request, named as the API names it in `attr`. */
  fieldError(attr: string): string | undefined {
    return this.errors.find((item) => item.attr === attr)?.detail;
  }

  /** The messages a form cannot show beside one of its own fields. */
  otherErrors(fields: readonly string[]): string[] {
    return this.errors.filter((item) => item.attr === null || !fields.includes(item.attr)).map((item) => item.detail);
  }
}

/**
 * A form's view of a failed request: the message for each of its fields, and the rest
 * (errors about no field, about a field it does not show, or no readable error at all).
 */
export function formErrors<F extends string>(error: unknown, fields: readonly F[]) {
  const apiError = error instanceof ApiError ? error : null;
  const general = !error ? [] : apiError && apiError.errors.length ? apiError.otherErrors(fields) : [errorMessage(error)];
  return { field: (name: F) => apiError?.fieldError(name), general };
}

/** A readable sentence for any error a query or mutation may hold. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, [
      { code: "network_error", detail: "Could not reach Sluice. Check your connection and try again.", attr: null },
    ]);
  }
  if (response.ok) return response;
  // A body in another shape (a proxy's HTML page, say) still yields one readable error.
  throw new ApiError(response.status, errorItems(await response.json().catch(() => null)));
}

// Response bodies are typed by the caller: they come from our own routes, whose shapes the
// hooks beside each component declare.
export async function apiGet<T>(path: string): Promise<T> {
  return (await (await request("GET", path)).json()) as T;
}

export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  return (await (await request("POST", path, body)).json()) as T;
}

export async function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return (await (await request("PATCH", path, body)).json()) as T;
}

export async function apiPut<T>(path: string, body: unknown): Promise<T> {
  return (await (await request("PUT", path, body)).json()) as T;
}

/** DELETE, with an optional JSON body (a reason for the audit log, say). */
export async function apiDelete(path: string, body?: unknown): Promise<void> {
  await request("DELETE", path, body);
}

/** The URL of a §1 pipelines-API path of an org, e.g. pipelinesPath("acme_corp", "pipeline", id). */
export function pipelinesPath(orgId: string, ...segments: string[]): string {
  return `/api/v1/unstract/${encodeURIComponent(orgId)}/${segments.map(encodeURIComponent).join("/")}/`;
}

/** The URL of one of an org's collections, e.g. orgPath("acme_corp", "members"). */
export function orgPath(orgId: string, ...segments: string[]): string {
  return ["/api/v1/orgs", orgId, ...segments].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join("/");
}
