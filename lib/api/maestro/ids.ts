// Maestro writes uuids with "_" (1b33ad2f_33d3_...) as often as with "-": both name the same
// record. Answers echo an id the way the client wrote it, so a script can match its own value.
import { DomainError } from "@/lib/domain/errors";
import { uuidOrNull } from "../ids";

/** The uuid an id names, written with "-" or "_"; null when it names none (lib/api/ids.ts's rule). */
export function uuidOf(written: string): string | null {
  return uuidOrNull(written.trim().replace(/_/g, "-").toLowerCase());
}

/** How Maestro writes our ids in its own answers (`data.id`, `job_id`). */
export const underscored = (uuid: string): string => uuid.replace(/-/g, "_");

export const pipelineNotFound = (written: string) => new DomainError("not_found", `pipeline_id ${written} not found!!`);
export const runNotFound = (written: string) => new DomainError("not_found", `pipeline_run_id ${written} not found!!`, "run_id");

/** A not_found about the run, not the pipeline (the domain marks it so: see getPipelineRun). */
export const isRunNotFound = (error: unknown): boolean =>
  error instanceof DomainError && error.code === "not_found" && error.field === "run_id";

/**
 * Calls the domain on the pipeline `written` names. A malformed id names nothing (404, never a
 * validation error: a script deleting "test_pipeline_12345" learns it does not exist), and any
 * pipeline not_found answers with the id as written.
 */
export async function onPipeline<T>(written: string, work: (pipelineId: string) => Promise<T>): Promise<T> {
  const id = uuidOf(written);
  if (!id) throw pipelineNotFound(written);
  try {
    return await work(id);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found" && !isRunNotFound(error)) throw pipelineNotFound(written);
    throw error;
  }
}
