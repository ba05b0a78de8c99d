// A pause in words: who, when, why and until when.
import type { Pipeline } from "./types";
import { sinceInWords, timeInWords } from "./time-words";

export type PauseFacts = Pick<Pipeline, "active" | "paused_by" | "paused_at" | "pause_reason" | "resume_at">;

/** "by ada@acme.com 5 minutes ago: upstream outage; resumes in 2 hours" (empty when nothing is known). */
export function pauseDetails(pipeline: PauseFacts, now: number): string {
  const parts = [
    pipeline.paused_by ? `by ${pipeline.paused_by}` : "",
    pipeline.paused_at ? sinceInWords(pipeline.paused_at, now) : "",
  ].filter(Boolean);
  const why = pipeline.pause_reason ? `: ${pipeline.pause_reason}` : "";
  const until = pipeline.resume_at ? `; resumes ${timeInWords(pipeline.resume_at, now)}` : "";
  return `${parts.join(" ")}${why}${until}`;
}

/** "Paused by ada@acme.com 5 minutes ago: upstream outage; resumes in 2 hours." */
export function pauseSummary(pipeline: PauseFacts, now: number): string {
  if (pipeline.active) return "Active";
  const details = pauseDetails(pipeline, now);
  return `Paused${details ? ` ${details}` : ""}.`;
}

