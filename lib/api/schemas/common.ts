import { z } from "./messages";
import { notFound } from "@/lib/domain/errors";

/** A uuid path parameter; anything else names no record, so it is a 404, not a 400. */
export function uuidParam(value: string | undefined): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const orgSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, "Must be 2-63 lower-case letters, digits, '_' or '-'.");
