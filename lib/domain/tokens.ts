// Personal access tokens: a script's credential for one user in one org, with that user's role.
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { memberships, personalTokens, users } from "@/db/schema";
import { auditInTx } from "./audit";
import { notifyInTx } from "./events";
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
    // Every server that remembers who this token speaks for forgets it once this commits.
    await notifyInTx(tx, { kind: "token", org_id: actor.orgId, user_id: actor.userId, token_id: token.id, change: "revoked" });
  });
}

/** What a presented token was found to grant: who it speaks for, until when, last used when. */
export interface TokenGrant {
  principal: Principal & { tokenId: string };
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * The grant of a presented token, or null when no token has it (or its owner is no longer a
 * member). Not yet checked for expiry: see admitTokenGrant, which refuses an expired one as such
 * (401 "Token expired."), so its holder knows to sign in again. lib/api/principal.ts calls both.
 *
 * Found by an indexed lookup of its SHA-256, which is safe against timing attacks: what the
 * index compares is the hash, and an attacker cannot choose a token whose hash shares a prefix
 * with a stored one (that takes a preimage), so how long a near miss takes tells them nothing
 * about any real token. No compare of the plain text ever happens.
 */
export async function findTokenGrant(db: Queryable, plain: string): Promise<TokenGrant | null> {
  if (!plain.startsWith(TOKEN_PREFIX)) return null;
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
  return {
    principal: { userId: row.userId, email: row.email, orgId: row.orgId, role: row.role, via: "token", tokenId: row.id },
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
  };
}

/**
 * Lets a grant's request in, at `now`: refuses it once the token has expired, and keeps the
 * token's last_used_at (in the grant too, so a remembered grant knows it is fresh).
 */
export async function admitTokenGrant(db: Queryable, grant: TokenGrant, now = new Date()): Promise<Principal> {
  if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) throw new DomainError("unauthenticated", TOKEN_EXPIRED);
  // Most requests find last_used_at fresh: no UPDATE (and no round trip) for them. The WHERE
  // below still guards against two requests (or two servers) racing to write it.
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!grant.lastUsedAt || grant.lastUsedAt < cutoff) {
    await db
      .update(personalTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(personalTokens.id, grant.principal.tokenId),
          or(isNull(personalTokens.lastUsedAt), lt(personalTokens.lastUsedAt, cutoff)),
        ),
      );
    grant.lastUsedAt = now;
  }
  return { ...grant.principal };
}
