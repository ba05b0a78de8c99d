// What the bench's database sessions are doing, sampled from pg_stat_activity every 20 ms until
// Ctrl-C (or SIGTERM): per (state, wait event, statement head), how many samples saw a session
// so. Run it beside a row, e.g. row l, to see whether a request's statements run, wait on a lock
// or I/O, or wait for their client (Client:ClientRead: the server had not sent the next one):
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/pg-waits.ts &
//   BENCH_SCALE=full DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/one-row.ts l
//   kill -INT %1
//
// Only databases named like the bench's (sluice_bench_*) are looked at; PGlite has no such view.
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: the Postgres server the bench runs on");
const sql = postgres(url, { max: 1, onnotice: () => {} });
const counts = new Map<string, number>();
let samples = 0;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void (stopping = true));

async function main() {
  while (!stopping) {
    const rows = await sql<{ state: string; wait: string; head: string }[]>`
      select state, coalesce(wait_event_type, '-') || ':' || coalesce(wait_event, '-') as wait,
             left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 70) as head
      from pg_stat_activity
      where datname like 'sluice_bench_%' and state <> 'idle' and pid <> pg_backend_pid()`;
    samples++;
    for (const r of rows) {
      const key = `${r.state} | ${r.wait} | ${r.head}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  console.log(`${samples} samples; sessions seen, by state | wait | statement:`);
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(String(n).padStart(7), key);
  await sql.end();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
