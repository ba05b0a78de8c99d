// Query schemas of the org-level routes the console reads (executions, logs, audit).
import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from "@/lib/vocabulary";
import { z } from "../messages";

const limit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, "A valid integer is required.")
    .optional()
    .transform((v) => Math.min(Math.max(Number(v ?? fallback) || fallback, 1), max));
const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional();

export const orgExecutionsQuery = z.object({
  limit: limit(200, 50),
  cursor: z.string().max(2000).optional(),
  pipeline_id: z.uuid().optional(),
  // One status or several, comma-separated: "PENDING,EXECUTING".
  status: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(EXECUTION_STATUSES)).optional()),
  triggered_by: z.enum(EXECUTION_TRIGGERS).optional(),
  start_date: when,
  end_date: when,
});

export const logsQuery = z.object({
  after: z
    .string()
    .regex(/^\d+$/, "A valid integer is required.")
    // Line ids are bigserials read as JS numbers; past 2^53 a number is no longer an id.
    .refine((v) => Number.isSafeInteger(Number(v)), `Ensure this value is less than or equal to ${Number.MAX_SAFE_INTEGER}.`)
    .optional()
    .transform((v) => Number(v ?? 0)),
  limit: limit(1000, 500),
});

export const auditQuery = z.object({
  limit: limit(200, 50),
  cursor: z.string().max(2000).optional(),
  actor: z.string().max(254).optional(),
  action: z.string().max(64).optional(),
  object_type: z.string().max(64).optional(),
  object_id: z.string().max(100).optional(),
});
