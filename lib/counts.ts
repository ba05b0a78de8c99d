// One way to write a count, for the console and for the worker's run logs alike: English
// thousands separators, so "16500" never stands beside "60,000". Pure, so every layer imports it.
const integer = new Intl.NumberFormat("en");

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A count with its noun: countOf(1, "record", "records") → "1 record", countOf(1200, …) → "1,200 records". */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
