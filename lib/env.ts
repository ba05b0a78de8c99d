// The process's configuration, parsed once. A bad value stops the process with a message
// that names the variable, before anything else starts.
import path from "node:path";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

// Where the console is reached from outside: an origin only (scheme, host, port), because every
// absolute URL the app hands out is this plus a path of its own.
const publicUrl = z
  .string()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be an absolute http:// or https:// URL" });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "must be an absolute http:// or https:// URL" });
      return z.NEVER;
    }
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash || /[?#]/.test(value)) {
      ctx.addIssue({ code: "custom", message: "must be an origin like https://pipelines.example.com (no path, query or fragment)" });
      return z.NEVER;
    }
    return url.origin;
  });

const envSchema = z.object({
  PORT: z.preprocess(
    (v) => (v === undefined || v === "" ? "3000" : v),
    z
      .string()
      .regex(/^\d+$/, "must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1, "must be 1-65535").max(65535, "must be 1-65535")),
  ),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL"),
  ),
  DATA_DIR: z.preprocess((v) => (v === undefined || v === "" ? "./.data" : v), z.string()),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  SEED_ADMIN_EMAIL: z.preprocess(
    (v) => (v === undefined || v === "" ? "admin@example.com" : v),
    z.email("must be an email address"),
  ),
  SEED_ADMIN_PASSWORD: optional(z.string().min(8, "must be at least 8 characters")),
  // Checked as a presented token is (lib/domain/tokens.ts, TOKEN_PREFIX; lib/api/principal.ts,
  // one word after "Bearer"): a value that could never authenticate stops the start instead of
  // being stored and refused on every request.
  SEED_ADMIN_TOKEN: optional(
    z
      .string()
      .regex(/^slt_[\x21-\x7e]*$/, "must start with slt_ and hold only visible ASCII characters (no spaces), as a bearer token does")
      .min(24, "must be at least 24 characters"),
  ),
  SEED_DEMO: z.preprocess((v) => (v === undefined || v === "" ? "0" : v), z.enum(["0", "1"])),
  AMQP_URL: optional(z.string().regex(/^amqps?:\/\/.+/, "must be an amqp:// or amqps:// URL")),
  WORKER: z.preprocess((v) => (v === undefined || v === "" ? "on" : v), z.enum(["on", "off"])),
  WORKER_POLL_MS: z.preprocess(
    (v) => (v === undefined || v === "" ? "1000" : v),
    z.string().regex(/^\d+$/, "must be a whole number of milliseconds").transform(Number).pipe(z.number().min(10, "must be at least 10")),
  ),
  WORKER_LEASE_MS: z.preprocess(
    (v) => (v === undefined || v === "" ? "15000" : v),
    z.string().regex(/^\d+$/, "must be a whole number of milliseconds").transform(Number).pipe(z.number().min(100, "must be at least 100")),
  ),
  // Unset: 5000 rows (a batch is smaller while the console is in use: lib/worker/clearer.ts).
  WORKER_CLEAR_BATCH: optional(
    z.string().regex(/^\d+$/, "must be a whole number of rows").transform(Number).pipe(z.number().min(1, "must be at least 1")),
  ),
  // Where web instances share their sign-in failure counts; unset: the database.
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL")),
  PUBLIC_URL: optional(publicUrl),
  // How many proxies stand in front and may be believed about the client (X-Forwarded-*).
  TRUST_PROXY: z.preprocess(
    (v) => (v === undefined || v === "" ? "0" : v),
    z.string().regex(/^\d+$/, "must be a whole number of proxy hops (0: believe no X-Forwarded-* header)").transform(Number),
  ),
  // How long a token made by signing in (POST /api/auth/token) lasts: scripts that sign in on every
  // run would otherwise pile up tokens that never expire.
  TOKEN_TTL_DAYS: z.preprocess(
    (v) => (v === undefined || v === "" ? "90" : v),
    z
      .string()
      .regex(/^\d+$/, "must be a whole number of days")
      .transform(Number)
      .pipe(z.number().min(1, "must be at least 1 day").max(3650, "must be at most 3650 days")),
  ),
  MIN_SCHEDULE_INTERVAL_SECONDS: z.preprocess(
    (v) => (v === undefined || v === "" ? "1800" : v),
    z.string().regex(/^\d+$/, "must be a whole number of seconds").transform(Number),
  ),
});

export type Env = Omit<z.infer<typeof envSchema>, "DATA_DIR"> & { DATA_DIR: string };

export class EnvError extends Error {}

// A rejected value is echoed back to help fix it, except a secret's: the message goes to the
// console and to whatever collects its logs. A URL keeps its shape with its password hidden.
const SECRET_VARIABLES = new Set(["AUTH_SECRET", "SEED_ADMIN_PASSWORD", "SEED_ADMIN_TOKEN"]);
const URL_VARIABLES = new Set(["DATABASE_URL", "AMQP_URL", "REDIS_URL"]);

function shown(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) return `${value.length} characters, not shown`;
  if (URL_VARIABLES.has(name)) return JSON.stringify(value.replace(/^([^:/?#]+:\/\/[^:/?#@]*:)[^@/?#]*@/, "$1***@"));
  return JSON.stringify(value);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const got = source[name];
      return `  ${name}: ${issue.message}${got === undefined ? "" : ` (got ${shown(name, got)})`}`;
    });
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
