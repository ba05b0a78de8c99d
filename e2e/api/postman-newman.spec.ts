// Issue 15: the downloaded Postman collection did not run in newman ("request url is empty": its
// url was an object with only `raw`), and a key passed with --global-var lost to the collection's
// own empty api_key variable. Here the collection of a new pipeline is downloaded from the real
// server and run by newman (tools/outside, as a child process) with the key passed each way
// its description says: the trigger answers 200 and a run of the pipeline appears.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { ACME, ADMIN_TOKEN } from "../support/users";

const run = promisify(execFile);
const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
// tools/outside (installed by `npm test`'s pretest, apart from the app's own packages).
const NEWMAN = process.env.NEWMAN_BIN ?? path.resolve("tools/outside/node_modules/.bin/newman");

interface NewmanReport {
  run: { executions: { response?: { code: number } }[]; failures: unknown[] };
}

for (const flag of ["--env-var", "--global-var"] as const) {
  test(`newman runs the downloaded collection with the key given by ${flag}: 200, and a run appears`, async ({ request }) => {
    const created = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: `newman ${flag.slice(2, 5)} ${Date.now().toString(36)}` } });
    expect(created.status()).toBe(201);
    const pipeline = (await created.json()) as { id: string; api_key: { api_key: string } };

    const download = await request.get(`${api}/pipeline/api/postman_collection/${pipeline.id}/`, { headers: auth });
    expect(download.status()).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-newman-"));
    try {
      const collection = path.join(dir, "collection.json");
      const report = path.join(dir, "report.json");
      fs.writeFileSync(collection, await download.body());
      await run(NEWMAN, ["run", collection, flag, `api_key=${pipeline.api_key.api_key}`, "--reporters", "json", "--reporter-json-export", report], {
        timeout: 60_000,
      });
      const { run: result } = JSON.parse(fs.readFileSync(report, "utf8")) as NewmanReport;
      expect(result.failures).toEqual([]);
      expect(result.executions.map((e) => e.response?.code)).toEqual([200]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const runs = await request.get(`${api}/pipeline/${pipeline.id}/executions/`, { headers: auth });
    expect(runs.status()).toBe(200);
    expect(((await runs.json()) as { count: number }).count).toBe(1);
  });
}
