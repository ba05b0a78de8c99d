// Reading §1 queries into domain queries.
import { notFound } from "@/lib/domain/errors";
import type { PipelineOrdering } from "@/lib/vocabulary";

/** DRF answers a page number that is not a positive integer with 404 "Invalid page.". */
export function pageOrNotFound(page: number): number {
  if (!Number.isInteger(page)) throw notFound("Invalid page.");
  return page;
}

export function orderingOf(value: string | undefined): { field: PipelineOrdering; desc: boolean } | undefined {
  if (!value) return undefined;
  const desc = value.startsWith("-");
  return { field: (desc ? value.slice(1) : value) as PipelineOrdering, desc };
}

/** A date alone means the whole day: from its start, or to its end. */
export function dateBound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`);
  return new Date(value);
}
