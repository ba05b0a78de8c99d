// Passwords get a slow salted hash; tokens and keys are long random strings, so a fast hash
// of them is enough to make a stolen table useless, and lets us look them up by hash.
import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize("NFKC"), salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scryptAsync(password.normalize("NFKC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash to compare against when the user does not exist, so both paths take as long. */
export const DUMMY_PASSWORD_HASH =
  "scrypt$16384$8$1$c2x1aWNlLWR1bW15LXNhbHQ=$3k1yO3pJ0nRrX0bqZfJQJcD8b7q5O9qv0lE0tq0e8nE=";

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(plain: string): string {
  return createHash("sha256").update(plain).digest("hex");
}

/** The first characters of a secret after its prefix, shown in lists to tell secrets apart. */
export function secretHint(plain: string, prefix: string): string {
  return plain.slice(0, prefix.length + 6);
}
