// Schema pieces more than one surface uses: a pipeline's name, the reason a change may give,
// and how times are written in answers.
import { z } from "./messages";

/** A pipeline's name, as §1 rules it (Maestro and configuration files name pipelines the same way). */
export const pipelineName = z.string().trim().min(1).max(32);

/** Why a change is made: optional on every change, kept in the audit log. */
export const reason = z.string().trim().max(500).optional();
export const reasonBody = z.object({ reason });

/** A time in an answer: ISO 8601 in UTC. */
export const time = z.iso.datetime({ offset: true });
export const optionalTime = time.nullable();
