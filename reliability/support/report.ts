// What each section counted, and the table printed at the end. A section fails on any 5xx
// outside a documented outage, any lost write, any duplicate, or any other failed check.
export class Section {
  requests = 0;
  faults = 0;
  serverErrors = 0;
  /** 500/503 answered in the documented shape while Postgres was down: allowed, shown apart. */
  outageErrors = 0;
  lost = 0;
  duplicates = 0;
  readonly failures: string[] = [];
  readonly notes: string[] = [];
  seconds = 0;
  skipped: string | null = null;

  constructor(readonly name: string) {}

  fail(message: string): void {
    // Keep the first ones of each kind readable; the count is what matters after that.
    if (this.failures.length < 200) this.failures.push(message);
    else if (this.failures.length === 200) this.failures.push("… (more failures left out)");
  }

  note(message: string): void {
    this.notes.push(message);
    console.log(`  [${this.name}] ${message}`);
  }

  /** A 5xx outside an outage: one line for the first few, the count for all. */
  serverError(what: string, status: number, body: string): void {
    this.serverErrors++;
    if (this.serverErrors <= 20) this.fail(`${status} on ${what}: ${body.slice(0, 300)}`);
  }

  get ok(): boolean {
    return this.skipped === null && this.serverErrors === 0 && this.lost === 0 && this.duplicates === 0 && this.failures.length === 0;
  }
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
}

export function printSummary(sections: Section[], wallSeconds: number, title = "reliability summary"): void {
  const head = ["section", "requests", "faults", "5xx", "outage 5xx", "lost", "dups", "checks failed", "seconds", "result"];
  const row = (s: Section) => [
    s.name,
    String(s.requests),
    String(s.faults),
    String(s.serverErrors),
    String(s.outageErrors),
    String(s.lost),
    String(s.duplicates),
    String(s.failures.length),
    s.seconds.toFixed(0),
    s.skipped !== null ? "SKIPPED" : s.ok ? "ok" : "FAILED",
  ];
  const total = new Section("total");
  for (const s of sections) {
    total.requests += s.requests;
    total.faults += s.faults;
    total.serverErrors += s.serverErrors;
    total.outageErrors += s.outageErrors;
    total.lost += s.lost;
    total.duplicates += s.duplicates;
    total.failures.push(...s.failures);
  }
  total.seconds = wallSeconds;
  const allOk = sections.every((s) => s.ok);
  const rows = [head, ...sections.map(row), [...row(total).slice(0, -1), allOk ? "ok" : "FAILED"]];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(`\n==== ${title} ====`);
  rows.forEach((r, i) => {
    console.log(pad(r, widths));
    if (i === 0 || i === rows.length - 2) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
  for (const s of sections) {
    if (s.skipped !== null) console.log(`\n${s.name}: skipped: ${s.skipped}`);
    if (s.failures.length) {
      console.log(`\n${s.name}: ${s.failures.length} failure(s):`);
      for (const f of s.failures.slice(0, 40)) console.log(`  - ${f}`);
    }
  }
}
