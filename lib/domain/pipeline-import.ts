// Importing a pipeline configuration (a downloaded file, or the snapshot a deletion kept): a new
// pipeline owned by the importer, created paused (no schedule fires and nothing runs until
// someone resumes it) and without keys (never the old ones). Every conflict is named at once.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pipelines } from "@/db/schema";
import { InvalidFields, notFound } from "./errors";
import { resolveConfig, type PipelineConfig } from "./pipeline-config";
import { createPipelineInTx, withDetails, type PipelineDetails } from "./pipelines";
import type { Principal } from "./principal";
import { scheduleProblems } from "./schedule-rules";
import { isUniqueViolation } from "./sql-errors";

export type ImportedConfig = Omit<PipelineConfig, "format" | "exported_at">;

export interface ImportOptions {
  /** A name instead of the configuration's own (when that one is taken). */
  name?: string;
  /** Why it is imported: the new pipeline's pause reason and the audit's. */
  reason?: string | null;
}

const nameTaken = (name: string) => ({ message: `A pipeline named "${name}" already exists: give the new one another name.`, field: "pipeline_name" });

/** The schedule problems of a configuration (timezone and cron), each with its field. */
function scheduleProblemsOf(config: ImportedConfig): { message: string; field: string | null }[] {
  return scheduleProblems(config.cron_string, config.timezone);
}

export async function importPipeline(db: Db, actor: Principal, config: ImportedConfig, options: ImportOptions = {}): Promise<{ pipeline: PipelineDetails; skippedShares: string[] }> {
  const name = options.name ?? config.pipeline_name;
  const reason = options.reason || "Imported from a configuration file.";
  try {
    const { pipeline, skippedShares } = await db.transaction(async (tx) => {
      const problems = scheduleProblemsOf(config);
      const [clash] = await tx.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.orgId, actor.orgId), eq(pipelines.name, name)));
      if (clash) problems.unshift(nameTaken(name));
      let resolved: Awaited<ReturnType<typeof resolveConfig>> | null = null;
      try {
        resolved = await resolveConfig(tx, actor, config);
      } catch (error) {
        if (!(error instanceof InvalidFields)) throw error;
        problems.push(...error.items);
      }
      if (problems.length || !resolved) throw new InvalidFields(problems);
      const { pipeline: created } = await createPipelineInTx(
        tx,
        actor,
        {
          name,
          type: config.pipeline_type,
          description: config.description,
          cronString: config.cron_string,
          timezone: config.timezone,
          sharedToOrg: config.sharing.shared_to_org,
          sharedUserIds: resolved.sharedUserIds,
          jobs: resolved.jobs,
          reason,
        },
        { paused: { reason }, issueKey: false },
      );
      return { pipeline: created, skippedShares: resolved.skippedShares };
    });
    const [details] = await withDetails(db, [pipeline]);
    if (!details) throw notFound();
    return { pipeline: details, skippedShares };
  } catch (error) {
    // Another request took the name between the check and the insert.
    if (isUniqueViolation(error, "pipelines_org_name_uq")) throw new InvalidFields([nameTaken(name)]);
    throw error;
  }
}
