// One line per row of the table: printed, and written to bench/results.json.
import fs from "node:fs";
import path from "node:path";

export interface ResultRow {
  row: string;
  what: string;
  figure: number | null;
  floor: number | null;
  unit: string;
  /** figure / floor. */
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
}

export interface Goal {
  text: string;
  /** Met when the ratio is at most this... */
  maxRatio?: number;
  /** ...or at least this. */
  minRatio?: number;
}

export function measured(row: string, what: string, unit: string, figure: number, floor: number | null, goal: Goal | null, note?: string): ResultRow {
  const ratio = floor ? figure / floor : null;
  let met: boolean | null = null;
  if (goal && ratio !== null) {
    if (goal.maxRatio !== undefined) met = ratio <= goal.maxRatio;
    if (goal.minRatio !== undefined) met = ratio >= goal.minRatio;
  }
  return { row, what, figure, floor, unit, ratio, goal: goal?.text ?? "(reported)", met, note };
}

/** A row whose goal is a fixed bound, not a ratio to a floor. */
export function absolute(row: string, what: string, figure: number, unit: string, goal: { text: string; max?: number; min?: number }, note?: string): ResultRow {
  const met = goal.max !== undefined ? figure <= goal.max : goal.min !== undefined ? figure >= goal.min : null;
  return { row, what, figure, floor: null, unit, ratio: null, goal: goal.text, met, note };
}

export function notMeasured(row: string, what: string, goal: string): ResultRow {
  return { row, what, figure: null, floor: null, unit: "", ratio: null, goal, met: null, note: "not measured yet" };
}

const num = (v: number | null, unit: string) => (v === null ? "-" : `${v >= 100 ? v.toFixed(0) : v.toFixed(2)} ${unit}`);

export function printTable(rows: ResultRow[]): string {
  const cells = rows.map((r) => [
    r.row,
    r.what,
    r.figure === null ? (r.note ?? "-") : num(r.figure, r.unit),
    num(r.floor, r.unit),
    r.ratio === null ? "-" : r.ratio.toFixed(2),
    r.goal,
    r.met === null ? "-" : r.met ? "yes" : "NO",
  ]);
  const header = ["row", "what", "figure", "floor", "ratio", "goal", "met?"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const text = [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
  console.log(text);
  return text;
}

export function writeResults(meta: Record<string, unknown>, rows: ResultRow[]): string {
  const file = path.join(process.cwd(), "bench", "results.json");
  fs.writeFileSync(file, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  return file;
}
