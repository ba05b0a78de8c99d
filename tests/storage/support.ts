// Shared by the specs of §3 (storage): the route handlers and the error envelope.
import { expect } from "vitest";
import { GET as pipelineRoute } from "@/app/v0/pipelines/[pipeline_name]/route";
import { POST as clearRoute } from "@/app/v0/pipelines/[pipeline_name]/clear/route";
import { call, type Answer, type CallOptions } from "../support/http";

export interface StorageCaller {
  token?: string;
  cookie?: string;
}

export const clear = (name: string, who: StorageCaller, extra: Partial<CallOptions> = {}): Promise<Answer> =>
  call(clearRoute, {
    method: "POST",
    params: { pipeline_name: name },
    path: `/v0/pipelines/${encodeURIComponent(name)}/clear`,
    token: who.token,
    cookie: who.cookie,
    ...extra,
  });

export const getStorage = (name: string, who: StorageCaller): Promise<Answer> =>
  call(pipelineRoute, {
    params: { pipeline_name: name },
    path: `/v0/pipelines/${encodeURIComponent(name)}`,
    token: who.token,
    cookie: who.cookie,
  });

export interface ProgressJson {
  done_rows: number;
  total_rows: number;
  done_bytes: number;
  total_bytes: number;
  percent: number;
  started_at: string;
  finished_at: string | null;
}

export interface StoragePipelineJson {
  id: string;
  name: string;
  storage_status: "Cleared" | "InUse" | "Clearing";
  storage_status_details: ProgressJson | null;
  active: boolean;
}

/** {message, error_code, details} and nothing else, with this status and code. */
export function expectStorageError(res: Answer, status: number, errorCode: string, details?: Record<string, unknown>): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body as object)).toEqual(["message", "error_code", "details"]);
  const body = res.body as { message: unknown; error_code: unknown; details: unknown };
  expect(typeof body.message).toBe("string");
  expect(body.error_code).toBe(errorCode);
  expect(typeof body.details).toBe("object");
  if (details) expect(body.details).toEqual(details);
}
