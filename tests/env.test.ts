import path from "node:path";
import { describe, expect, it } from "vitest";
import { newSecret } from "@/lib/domain/secrets";
import { TOKEN_PREFIX } from "@/lib/domain/tokens";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment", () => {
  it("has working defaults for the embedded console", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, SEED_DEMO: "0", WORKER: "on", SEED_ADMIN_EMAIL: "admin@example.com" });
    expect(env.DATA_DIR).toBe(path.resolve(".data"));
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["SEED_ADMIN_EMAIL", "not-an-email"],
    ["SEED_DEMO", "yes"],
    ["AMQP_URL", "http://localhost"],
    ["WORKER", "maybe"],
    ["PUBLIC_URL", "pipelines.example.com"],
    ["PUBLIC_URL", "ftp://pipelines.example.com"],
    ["PUBLIC_URL", "https://pipelines.example.com/console"],
    ["PUBLIC_URL", "https://pipelines.example.com/?a=1"],
    ["PUBLIC_URL", "https://pipelines.example.com/#top"],
    ["PUBLIC_URL", "https://user:pw@pipelines.example.com"],
    ["TRUST_PROXY", "-1"],
    ["TRUST_PROXY", "1.5"],
    ["TRUST_PROXY", "yes"],
    ["REDIS_URL", "127.0.0.1:6379"],
  ])("refuses %s=%s with a message naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(`${name}: `);
    expect(() => parseEnv({ [name]: value })).toThrow(`(got "${value}")`);
  });

  it.each([
    ["AUTH_SECRET", "too-short-secret"],
    ["SEED_ADMIN_PASSWORD", "short"],
    ["SEED_ADMIN_TOKEN", "slt_not-long-enough"],
  ])("refuses %s without printing the secret it was given", (name, value) => {
    const message = (() => {
      try {
        parseEnv({ [name]: value });
      } catch (error) {
        return error instanceof EnvError ? error.message : "";
      }
      return "";
    })();
    expect(message).toContain(`${name}: must be at least`);
    expect(message).toContain(`(got ${value.length} characters, not shown)`);
    expect(message).not.toContain(value);
  });

  // Issue 15: a token without the prefix, or with a character no Authorization header carries as
  // one word, was stored at first start and then refused on every request (401) for good.
  it.each([
    ["without the slt_ prefix", "abcdefghijklmnopqrstuvwxyz0123"],
    ["with another case of prefix", "SLT_abcdefghijklmnopqrstuvwxyz"],
    ["with a space", "slt_abcdefghijkl mnopqrstuvwxyz"],
    ["with a non-ASCII letter", "slt_abcdefghijklmnopqrstuvwxyé"],
  ])("refuses a SEED_ADMIN_TOKEN %s, which could never authenticate, naming the variable", (_case, value) => {
    const message = (() => {
      try {
        parseEnv({ SEED_ADMIN_TOKEN: value });
      } catch (error) {
        return error instanceof EnvError ? error.message : "";
      }
      return "";
    })();
    expect(message).toContain("SEED_ADMIN_TOKEN: must start with slt_");
    expect(message).not.toContain(value);
  });

  it("accepts a SEED_ADMIN_TOKEN a bearer header can carry", () => {
    const token = "slt_abcdefghijklmnopqrstuvwxyz-_.~+/=";
    expect(parseEnv({ SEED_ADMIN_TOKEN: token }).SEED_ADMIN_TOKEN).toBe(token);
    // The rule is the domain's own: a token it issues passes.
    const issued = newSecret(TOKEN_PREFIX);
    expect(parseEnv({ SEED_ADMIN_TOKEN: issued }).SEED_ADMIN_TOKEN).toBe(issued);
  });

  it("hides the password of a rejected URL, keeping the rest", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://root:hunter2-secret@db/x" })).toThrow('DATABASE_URL: must be a postgres:// or postgresql:// URL (got "mysql://root:***@db/x")');
    expect(() => parseEnv({ AMQP_URL: "http://guest:guest-secret@mq:5672" })).toThrow('(got "http://guest:***@mq:5672")');
    expect(() => parseEnv({ REDIS_URL: "tcp://default:redis-secret@cache:6379" })).toThrow('REDIS_URL: must be a redis:// or rediss:// URL (got "tcp://default:***@cache:6379")');
  });

  it("reads PUBLIC_URL as an origin (a trailing slash dropped) and TRUST_PROXY as a hop count, 0 by default", () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ PUBLIC_URL: "https://Pipelines.Example.com/" }).PUBLIC_URL).toBe("https://pipelines.example.com");
    expect(parseEnv({ PUBLIC_URL: "http://10.0.0.5:8080" }).PUBLIC_URL).toBe("http://10.0.0.5:8080");
    expect(parseEnv({ PUBLIC_URL: "https://pipelines.example.com:443" }).PUBLIC_URL).toBe("https://pipelines.example.com");
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(0);
  });

  it("accepts a full valid configuration", () => {
    const env = parseEnv({
      PORT: "8080",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/sluice",
      AMQP_URL: "amqp://guest:guest@127.0.0.1:5672",
      SEED_DEMO: "1",
      WORKER: "off",
    });
    expect(env).toMatchObject({ PORT: 8080, SEED_DEMO: "1", WORKER: "off" });
  });
});
