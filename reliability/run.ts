// npm run test:reliability: load, races, faults and a fuzzer against the real server on real
// Postgres and RabbitMQ. Prints a summary table; exits non-zero on any 5xx (other than the
// documented ones while Postgres is down), lost write, duplicate or failed check.
import { config } from "./support/config";
import { amqpReachable, postgresReachable } from "../tests/support/reachable";
import { dropLeftovers } from "./support/infra";
import { printSummary, Section } from "./support/report";
import { stopAllServers } from "./support/server";
import { loadSection } from "./load";
import { racesSection } from "./races";
import { faultsSection } from "./faults";
import { fuzzSection } from "./fuzz";

const SECTIONS: [string, string, () => Promise<Section>][] = [
  ["load", "1 load", loadSection],
  ["races", "2 races", racesSection],
  ["faults", "3 faults", faultsSection],
  ["fuzz", "4 fuzz", fuzzSection],
];

async function main(): Promise<number> {
  const started = Date.now();
  const missing: string[] = [];
  if (!(await postgresReachable(config.postgresUrl))) missing.push(`Postgres at ${config.postgresUrl}`);
  if (!(await amqpReachable(config.amqpUrl))) missing.push(`RabbitMQ at ${config.amqpUrl}`);
  if (missing.length) {
    const why = `the reliability suite needs a real ${missing.join(" and ")}`;
    if (config.ci) {
      console.error(`FAILED: ${why} (CI=true: it may not be skipped)`);
      return 1;
    }
    console.warn(`SKIPPED: ${why}; start them (see /work/shared/STACK.md) to run it.`);
    return 0;
  }
  console.log(
    `reliability: load ${config.loadSeconds} s × ${config.loadClients} clients, ${config.killTrials} kill trials, ${config.fuzzRequests} fuzz requests, seed ${config.seed}`,
  );
  const results: Section[] = [];
  for (const [key, name, run] of SECTIONS) {
    if (config.only.length && !config.only.includes(key)) continue;
    const t0 = Date.now();
    console.log(`\n==> ${name}`);
    let section: Section;
    try {
      section = await run();
    } catch (error) {
      section = new Section(name);
      section.fail(`the section stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await stopAllServers();
    }
    section.seconds = (Date.now() - t0) / 1000;
    console.log(`    ${name}: ${section.ok ? "ok" : "FAILED"} in ${section.seconds.toFixed(0)} s`);
    results.push(section);
  }
  await stopAllServers();
  await dropLeftovers();
  printSummary(results, (Date.now() - started) / 1000);
  console.log(`\nwall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return results.every((s) => s.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    await stopAllServers().catch(() => {});
    await dropLeftovers().catch(() => {});
    process.exit(1);
  },
);
