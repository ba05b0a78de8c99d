// Issue 15: Spectral's OpenAPI rules (spectral:oas) found 22 warnings in /api/openapi.json: no
// `servers`, no `info.contact`, operations without a description (and the seed's trailing
// slashes, which the repo's .spectral.yaml allows, saying why). The served document is linted
// by the real CLI (tools/outside), with the repo's ruleset: 0 errors, 0 warnings.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GET as openApiJson } from "@/app/api/openapi.json/route";
import { call } from "./support/http";

const run = promisify(execFile);
// tools/outside (installed by `npm test`'s pretest, apart from the app's own packages).
const SPECTRAL = process.env.SPECTRAL_BIN ?? path.resolve("tools/outside/node_modules/.bin/spectral");

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

describe("GET /api/openapi.json", () => {
  it("names its server and a contact, on the origin it was asked at", async () => {
    const res = await call(openApiJson, { path: "/api/openapi.json", headers: { host: "pipelines.example.test:8443" } });
    const doc = res.body as { servers: { url: string }[]; info: { contact: { url: string } } };
    expect(doc.servers).toEqual([{ url: "http://pipelines.example.test:8443", description: expect.any(String) }]);
    expect(doc.info.contact.url).toBe("http://pipelines.example.test:8443/api-reference");
  });

  it("lints clean with Spectral's spectral:oas and the repo's ruleset: 0 errors, 0 warnings", async () => {
    const res = await call(openApiJson, { path: "/api/openapi.json" });
    expect(res.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-spectral-"));
    try {
      const file = path.join(dir, "openapi.json");
      fs.writeFileSync(file, JSON.stringify(res.body));
      // Spectral exits 1 when it reports anything: the report is read either way.
      const output = await run(SPECTRAL, ["lint", file, "-r", path.resolve(".spectral.yaml"), "-f", "json", "--quiet"], { timeout: 60_000 }).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
      );
      // No output at all (the CLI missing, say) fails here: a clean report is "[]".
      const results = JSON.parse(output.stdout) as SpectralResult[];
      expect(results.map((r) => `${r.code} ${r.path.join(".")}: ${r.message}`)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
