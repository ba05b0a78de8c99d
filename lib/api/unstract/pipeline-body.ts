// A pipeline's create/replace/patch body: the schema's issues and the schedule's rules answer
// together, so a name too long and a cron out of range come back as two errors[] entries in one 400.
import { ZodError, type z } from "zod";
import { scheduleProblems } from "@/lib/domain/schedule-rules";
import { readJsonBody } from "../body";

export async function parsePipelineBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await readJsonBody(req);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // The body is refused anyway: add what the domain would say of its schedule, on fields zod passed.
  const body = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const cron = typeof body.cron_string === "string" ? body.cron_string : null;
  const timezone = typeof body.timezone === "string" && body.timezone.trim() ? body.timezone : "UTC";
  const flagged = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const more = scheduleProblems(cron, timezone).filter((problem) => !flagged.has(problem.field));
  if (more.length === 0) throw parsed.error;
  throw new ZodError([
    ...parsed.error.issues,
    ...more.map((problem) => ({ code: "custom" as const, message: problem.message, path: [problem.field], input: body[problem.field] })),
  ]);
}
