// What the schema's ON DELETE CASCADE foreign keys remove with a row, read from drizzle's table
// metadata: a table given a cascading foreign key to pipelines (or to a table that cascades from
// them) is found here without anyone listing it.
import { is, or, sql, type SQL } from "drizzle-orm";
import { getTableConfig, PgTable, type ForeignKey } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** Every table of the schema, in the order it defines them. */
export const SCHEMA_TABLES: readonly PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

interface CascadeEdge {
  fk: ForeignKey;
  parent: PgTable;
}

export interface CascadeDependent {
  table: PgTable;
  /** The table's SQL name (e.g. "execution_logs"). */
  name: string;
  /** The rows of `table` that deleting the root rows matching `rootWhere` removes with them. */
  where: (rootWhere: SQL) => SQL;
}

const nameOf = (table: PgTable) => getTableConfig(table).name;

/**
 * The tables whose rows go when rows of `root` are deleted: those with an ON DELETE CASCADE
 * foreign key to `root`, then to any of those, and so on. A table reached along several paths
 * (job_states: from pipelines, and from jobs) is listed once, its rows matched by any path.
 */
export function cascadeDependents(root: PgTable, tables: readonly PgTable[] = SCHEMA_TABLES): CascadeDependent[] {
  const edges = new Map<PgTable, CascadeEdge[]>();
  const reached = new Set<PgTable>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of tables) {
      if (table === root) continue;
      for (const fk of getTableConfig(table).foreignKeys) {
        if (fk.onDelete !== "cascade") continue;
        const parent = fk.reference().foreignTable;
        const known = edges.get(table) ?? [];
        if (!reached.has(parent) || known.some((edge) => edge.fk === fk)) continue;
        edges.set(table, [...known, { fk, parent }]);
        reached.add(table);
        grew = true;
      }
    }
  }

  // Rows of `table` that the root rows matching `rootWhere` reach; `path` guards against cycles.
  const whereOf = (table: PgTable, rootWhere: SQL, path: readonly PgTable[]): SQL => {
    if (table === root) return rootWhere;
    const matches = (edges.get(table) ?? [])
      .filter((edge) => !path.includes(edge.parent))
      .map(({ fk, parent }) => {
        const { columns, foreignColumns } = fk.reference();
        const parentWhere = whereOf(parent, rootWhere, [...path, table]);
        return sql`(${sql.join(columns, sql`, `)}) in (select ${sql.join(foreignColumns, sql`, `)} from ${parent} where ${parentWhere})`;
      });
    return or(...matches) ?? sql`false`;
  };

  return tables
    .filter((table) => edges.has(table))
    .map((table) => ({ table, name: nameOf(table), where: (rootWhere: SQL) => whereOf(table, rootWhere, []) }));
}
