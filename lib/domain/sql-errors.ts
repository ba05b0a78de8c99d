// Recognising constraint violations from either driver (drizzle wraps them in a cause).
interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  message?: string;
  cause?: unknown;
}

function pgError(error: unknown): PgErrorLike | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

function isViolation(code: string, error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  if (pg?.code !== code) return false;
  if (!constraint) return true;
  const name = pg.constraint ?? pg.constraint_name;
  return name ? name === constraint : (pg.message ?? "").includes(constraint);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return isViolation("23505", error, constraint);
}

export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  return isViolation("23503", error, constraint);
}
