// Keyset ("cursor") paging: the page after (or before) a row is found by comparing the sort
// key as a row value, which walks an index from that point, so page 2,000 costs what page 1
// costs. A cursor is opaque to clients: base64url of the sort, the direction and the key.
import { sql, type SQL } from "drizzle-orm";
import { invalid, notFound } from "./errors";
import { isUuid } from "./ids";

export type KeyCast = "timestamptz" | "text" | "int4" | "int8" | "uuid";

export interface SortKey<Row> {
  expr: SQL;
  cast: KeyCast;
  /** The row's value of this key, as text the cast turns back into the same value. */
  read: (row: Row) => string;
}

export interface Sort<Row> {
  name: string;
  keys: SortKey<Row>[];
  desc: boolean;
}

interface CursorPayload {
  s: string; // sort name, so a cursor is not reused under another order
  b: boolean; // true: the page before the key
  v: string[];
}

export interface Cursor {
  backwards: boolean;
  values: string[];
}

export function encodeCursor(sort: Sort<unknown>, backwards: boolean, values: string[]): string {
  const payload: CursorPayload = { s: sort.name, b: backwards, v: values };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeCursor(token: string, sort: Sort<unknown>, field = "cursor"): Cursor {
  const bad = () => invalid("Invalid cursor", field);
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as CursorPayload;
  } catch {
    throw bad();
  }
  if (
    !payload ||
    payload.s !== sort.name ||
    typeof payload.b !== "boolean" ||
    !Array.isArray(payload.v) ||
    payload.v.length !== sort.keys.length ||
    !payload.v.every((v) => typeof v === "string" && v.length <= 200)
  ) {
    throw bad();
  }
  if (!sort.keys.every((key, i) => isValidValue(key.cast, payload.v[i] ?? ""))) throw bad();
  return { backwards: payload.b, values: payload.v };
}


// Only values the database will read back as the same key: anything else is a forged cursor.
function isValidValue(cast: KeyCast, value: string): boolean {
  switch (cast) {
    case "uuid":
      return isUuid(value);
    case "int4":
      return /^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= 2_147_483_647;
    case "int8":
      return /^-?\d{1,19}$/.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n && BigInt(value) >= -9_223_372_036_854_775_808n;
    case "timestamptz":
      // Exactly what Date.toISOString writes, and a real date (no 30 February).
      return value === "-infinity" || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && new Date(value).toISOString() === value);
    default:
      return !value.includes("\u0000");
  }
}

/** ORDER BY for a sort read forwards, or flipped to read backwards from a cursor. */
export function orderBy<Row>(sort: Sort<Row>, backwards: boolean): SQL[] {
  const desc = sort.desc !== backwards;
  return sort.keys.map((key) => (desc ? sql`${key.expr} desc` : sql`${key.expr} asc`));
}

/** The rows strictly after (or before) the cursor's key in the sort. */
export function afterCursor<Row>(sort: Sort<Row>, cursor: Cursor): SQL {
  const desc = sort.desc !== cursor.backwards;
  const columns = sql.join(sort.keys.map((key) => key.expr), sql`, `);
  const values = sql.join(
    sort.keys.map((key, i) => sql`${cursor.values[i]}::${sql.raw(key.cast)}`),
    sql`, `,
  );
  return desc ? sql`(${columns}) < (${values})` : sql`(${columns}) > (${values})`;
}

export interface KeysetPage<Row> {
  rows: Row[];
  next: string | null;
  previous: string | null;
}

/**
 * Turns `limit + 1` rows fetched in `orderBy(sort, backwards)` order into a page with the
 * cursors of its neighbours.
 */
export function keysetPage<Row>(sort: Sort<Row>, fetched: Row[], limit: number, cursor: Cursor | null): KeysetPage<Row> {
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (cursor?.backwards) rows.reverse();
  const keyOf = (row: Row) => sort.keys.map((key) => key.read(row));
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = cursor?.backwards ? true : more;
  const hasPrevious = cursor ? (cursor.backwards ? more : true) : false;
  return {
    rows,
    next: hasNext && last ? encodeCursor(sort as Sort<unknown>, false, keyOf(last)) : null,
    previous: hasPrevious && first ? encodeCursor(sort as Sort<unknown>, true, keyOf(first)) : null,
  };
}

/**
 * The rows a numbered page skips (0 in cursor mode). A page so far out that the offset is not a
 * safe integer cannot exist, and Postgres would refuse it as a bigint: "Invalid page.", as DRF.
 */
export function pageOffset(page: number, pageSize: number, cursor: Cursor | null): number {
  if (cursor) return 0;
  const offset = (page - 1) * pageSize;
  if (!Number.isSafeInteger(offset) || offset < 0) throw notFound("Invalid page.");
  return offset;
}
