// Where a `table` destination's rows land: a table of its own, dest_<name>, that outlives the
// pipeline (deleting or clearing one never touches it). The naming rule lives here, once: the
// domain checks a new resource's config and lists the tables a delete keeps; the worker
// creates and fills them.

/** A connector's config that cannot work (a bad table name, a missing URL…). */
export class ConnectorConfigError extends Error {}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,50}$/;
const PREFIX = "dest_";

/** The table a `table` destination writes to; throws ConnectorConfigError for a bad name. */
export function destinationTable(config: Record<string, unknown>): string {
  const name = config.table;
  if (typeof name !== "string" || !TABLE_NAME.test(name)) {
    throw new ConnectorConfigError('table: "table" must be 1-51 lower-case letters, digits or "_", not starting with a digit.');
  }
  return `${PREFIX}${name}`;
}

/** The same table, or null when the config names none that could exist. */
export function destinationTableOrNull(config: Record<string, unknown>): string | null {
  try {
    return destinationTable(config);
  } catch {
    return null;
  }
}
