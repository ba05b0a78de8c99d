// Personal access tokens: a script's credential for one user in one org, with that user's role.
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { memberships, personalTokens, users } from "@/db/schema";
import { auditInTx } from "./audit";
import { env } from "@/lib/env";
import { DomainError, notFound } from "./errors";
import type { Principal } from "./principal";
import { hashSecret, newSecret, secretHint } from "./secrets";

export const TOKEN_PREFIX = "slt_";
// last_used_at is written at most this often per token, so reads do not turn into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
}

const view = {
  id: personalTokens.id,
  name: personalTokens.name,
  prefix: personalTokens.prefix,
  created_at: personalTokens.createdAt,
  last_used_at: personalTokens.lastUsedAt,
  expires_at: personalTokens.expiresAt,
};

export const TOKEN_EXPIRED = "Token expired.";

/**
 * When a token made by signing in (POST /api/auth/token) expires: after the days asked for, or
 * TOKEN_TTL_DAYS when none (or null) is asked. A sign-in never makes a token that lasts for ever;
 * the tokens page still can, as a deliberate choice of a signed-in user.
 */
export function signInTokenExpiry(days: number | null | undefined, now = Date.now()): Date {
  return new Date(now + (days ?? env().TOKEN_TTL_DAYS) * 86_400_000);
}

/** Issues a token; its plain text is returned here once and never stored. */
export async function issueToken(
  db: Queryable,
  owner: { orgId: string; userId: string },
  input: { name: string; expiresAt?: Date | null; plain?: string },
): Promise<TokenView & { token: string }> {
  const plain = input.plain ?? newSecret(TOKEN_PREFIX);
  const [row] = await db
    .insert(personalTokens)
    .values({
      orgId: owner.orgId,
      userId: owner.userId,
      name: input.name,
      tokenHash: hashSecret(plain),
      prefix: secretHint(plain, TOKEN_PREFIX),
      expiresAt: input.expiresAt ?? null,
    })
    .returning(view);
  if (!row) throw new Error("insert returned no row");
  return { ...row, token: plain };
}

export async function createOwnToken(
  db: Db,
  actor: Principal,
  input: { name: string; expiresAt?: Date | null },
): Promise<TokenView & { token: string }> {
  return db.transaction(async (tx) => {
    const issued = await issueToken(tx, actor, input);
    await auditInTx(tx, actor, { action: "token.create", objectType: "token", objectId: issued.id, objectName: issued.name });
    return issued;
  });
}

export async function listOwnTokens(db: Queryable, actor: Principal): Promise<TokenView[]> {
  return db
    .select(view)
    .from(personalTokens)
    .where(and(eq(personalTokens.orgId, actor.orgId), eq(personalTokens.userId, actor.userId)))
    .orderBy(desc(personalTokens.createdAt));
}

export async function revokeOwnToken(db: Db, actor: Principal, tokenId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(personalTokens)
      .where(
        and(
          eq(personalTokens.id, tokenId),
          eq(personalTokens.orgId, actor.orgId),
          eq(personalTokens.userId, actor.userId),
        ),
      )
      .returning({ id: personalTokens.id, name: personalTokens.name });
    const token = removed[0];
    if (!token) throw notFound("Token not found.");
    await auditInTx(tx, actor, { action: "token.revoke", objectType: "token", objectId: token.id, objectName: token.name });
  });
}

/**
 * The principal a presented token speaks for, or null when it is unknown or revoked; an expired
 * one is refused as such (401 "Token expired."), so its holder knows to sign in again.
 *
 * Found by an indexed lookup of its SHA-256, which is safe against timing attacks: what the
 * index compares is the hash, and an attacker cannot choose a token whose hash shares a prefix
 * with a stored one (that takes a preimage), so how long a near miss takes tells them nothing
 * about any real token. No compare of the plain text ever happens.
 */
export async function authenticateToken(db: Queryable, plain: string): Promise<Principal | null> {
  if (!plain.startsWith(TOKEN_PREFIX)) return null;
  const now = new Date();
  const [row] = await db
    .select({
      id: personalTokens.id,
      orgId: personalTokens.orgId,
      userId: personalTokens.userId,
      email: users.email,
      role: memberships.role,
      lastUsedAt: personalTokens.lastUsedAt,
      expiresAt: personalTokens.expiresAt,
    })
    .from(personalTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, personalTokens.orgId), eq(memberships.userId, personalTokens.userId)),
    )
    .innerJoin(users, eq(users.id, personalTokens.userId))
    .where(eq(personalTokens.tokenHash, hashSecret(plain)));
  if (!row) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) throw new DomainError("unauthenticated", TOKEN_EXPIRED);
  // Most requests find last_used_at fresh: no UPDATE (and no round trip) for them. The WHERE
  // below still guards against two requests racing to write it.
  const stale = !row.lastUsedAt || row.lastUsedAt.getTime() < now.getTime() - LAST_USED_RESOLUTION_MS;
  if (stale) {
    await db
      .update(personalTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(personalTokens.id, row.id),
          or(
            isNull(personalTokens.lastUsedAt),
            lt(personalTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
          ),
        ),
      );
  }
  return { userId: row.userId, email: row.email, orgId: row.orgId, role: row.role, via: "token", tokenId: row.id };
}
