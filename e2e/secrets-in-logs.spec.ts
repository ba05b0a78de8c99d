// No secret reaches the server's output: a real `npm start`, with its admin password, seeded
// token and auth secret set, is used the way people and scripts use it (sign in, make a personal
// token, make a pipeline and a key, trigger with the key, and get passwords and keys wrong), and
// nothing it printed contains any of those secrets.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { npmStart, type Started } from "./support/processes";

const PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const BASE = `http://localhost:${PORT}`;
const ORG = "acme_corp";
const EMAIL = "admin@example.com";

const secret = (label: string) => `${label}-${randomBytes(18).toString("base64url")}`;
const ADMIN_PASSWORD = secret("pw");
const SEED_TOKEN = `slt_${secret("seed")}`;
const AUTH_SECRET = secret("auth-secret-at-least-32-characters");
const WRONG_PASSWORD = secret("wrong");

let dataDir: string;
let server: Started;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-secrets-"));
  server = npmStart({
    PORT: String(PORT),
    DATA_DIR: dataDir,
    SEED_ADMIN_EMAIL: EMAIL,
    SEED_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SEED_ADMIN_TOKEN: SEED_TOKEN,
    AUTH_SECRET,
  });
  await server.waitFor(/Admin login: /);
});

test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("signing in, tokens, keys, triggers and failures print no secret", async () => {
  test.setTimeout(180_000);
  const seen: string[] = [ADMIN_PASSWORD, SEED_TOKEN, AUTH_SECRET, WRONG_PASSWORD];
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const seedAuth = { authorization: `Bearer ${SEED_TOKEN}` };
  await expect.poll(async () => (await api.get("/api/health")).status(), { timeout: 60_000 }).toBe(200);

  // A person signs in (the session cookie is a secret too) and makes a personal token.
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  seen.push(csrfToken);
  const signIn = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: EMAIL, password: ADMIN_PASSWORD, json: "true" } });
  expect(signIn.status()).toBe(200);
  const sessionCookie = (await api.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toBeDefined();
  seen.push(sessionCookie?.value ?? "");
  const made = await api.post(`/api/v1/orgs/${ORG}/tokens`, { headers: { origin: BASE }, data: { name: "laptop" } });
  expect(made.status()).toBe(201);
  const personal = ((await made.json()) as { token: string }).token;
  seen.push(personal);

  // A script gets a token with the password, too.
  const scripted = await api.post("/api/auth/token", { data: { email: EMAIL, password: ADMIN_PASSWORD, org: ORG } });
  expect(scripted.status()).toBe(201);
  seen.push(((await scripted.json()) as { token: string }).token);

  // A pipeline (with the key made for it), a second key, and triggers with both.
  const created = await api.post(`/api/v1/unstract/${ORG}/pipeline/`, { headers: { authorization: `Bearer ${personal}` }, data: { pipeline_name: "secrets_check" } });
  expect(created.status()).toBe(201);
  const pipeline = (await created.json()) as { id: string; api_key: { api_key: string } };
  seen.push(pipeline.api_key.api_key);
  const key = await api.post(`/api/v1/unstract/${ORG}/api/keys/pipeline/${pipeline.id}/`, { headers: seedAuth, data: { pipeline: pipeline.id, description: "ci" } });
  expect(key.status()).toBe(201);
  const secondKey = ((await key.json()) as { api_key: string }).api_key;
  seen.push(secondKey);
  for (const apiKey of [pipeline.api_key.api_key, secondKey]) {
    const triggered = await api.post(`/deployment/pipeline/api/${ORG}/${pipeline.id}/`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(triggered.status()).toBe(200);
  }

  // Wrong secrets of every kind.
  const wrongKey = secret("wrong-key");
  const wrongToken = `slt_${secret("wrong-token")}`;
  seen.push(wrongKey, wrongToken);
  expect((await api.post(`/deployment/pipeline/api/${ORG}/${pipeline.id}/`, { headers: { authorization: `Bearer ${wrongKey}` } })).status()).toBe(401);
  expect((await api.get(`/api/v1/unstract/${ORG}/pipeline/`, { headers: { authorization: `Bearer ${wrongToken}` } })).status()).toBe(401);
  expect((await api.post("/api/auth/token", { data: { email: EMAIL, password: WRONG_PASSWORD, org: ORG } })).status()).toBe(401);
  const fresh = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken: freshCsrf } = (await (await fresh.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const refused = await fresh.post("/api/auth/callback/credentials", { form: { csrfToken: freshCsrf, email: EMAIL, password: WRONG_PASSWORD, json: "true" } });
  expect(refused.status()).toBe(401);
  // A malformed body carrying a password, and a bad JSON body quoting one.
  await api.post("/api/auth/token", { data: { email: EMAIL, password: WRONG_PASSWORD } });
  await api.post("/api/auth/token", { headers: { "content-type": "application/json" }, data: `{"password": "${WRONG_PASSWORD}"` });

  // Let the runs finish, so the worker's output is in too.
  await expect
    .poll(async () => {
      const runs = await api.get(`/api/v1/unstract/${ORG}/pipeline/${pipeline.id}/executions/`, { headers: seedAuth });
      const { results } = (await runs.json()) as { results: { status: string }[] };
      return results.length === 2 && results.every((r) => r.status === "COMPLETED");
    }, { timeout: 30_000 })
    .toBe(true);
  await api.dispose();
  await fresh.dispose();
  await server.stop();

  const output = server.output();
  // The start-up lines are there (so the output was captured), and say the password was set, not what it is.
  expect(output).toContain(`Admin login: ${EMAIL} / (SEED_ADMIN_PASSWORD)`);
  for (const value of seen) {
    expect(value.length).toBeGreaterThan(8);
    expect(output.includes(value), `a secret (${value.slice(0, 6)}…) appears in the server's output`).toBe(false);
  }
  // Nor any part of a key long enough to matter (the hint shown in lists is 8 characters).
  expect(output).not.toContain(secondKey.slice(0, 13));
  expect(output).not.toContain(SEED_TOKEN.slice(4, 20));
});
