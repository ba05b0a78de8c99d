// Pipeline API keys: trigger credentials for one pipeline. Keys are uuids, as in the dialect
// of §1 (122 random bits), returned in plain text once, at creation, and kept only as a hash.
import { randomUUID, timingSafeEqual } from "node:crypto";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { pipelineKeys, pipelines, users, type Pipeline, type PipelineKey } from "@/db/schema";
import { auditInTx, type AuditActor } from "./audit";
import { DomainError, notFound } from "./errors";
import { startExecutionInTx } from "./executions";
import { assertCanChangeKey, assertCanManageKeys, loadVisiblePipeline, type Access } from "./pipeline-access";
import type { Principal } from "./principal";
import { hashSecret } from "./secrets";

export type { PipelineKey };
/** A key with its creator's email, so a reader knows whose it is (null once that user is deleted). */
export type KeyWithCreator = PipelineKey & { createdByEmail: string | null };
export const keyHint = (plain: string) => plain.slice(0, 8);

/** Keys joined with their creators: one query for a whole list. */
const keysWithCreators = (db: Queryable) =>
  db
    .select({ ...getTableColumns(pipelineKeys), createdByEmail: users.email })
    .from(pipelineKeys)
    .leftJoin(users, eq(users.id, pipelineKeys.createdBy));

export async function issuePipelineKey(
  tx: Queryable,
  pipeline: Pick<Pipeline, "id" | "orgId">,
  actor: Pick<Principal, "userId" | "email">,
  description: string,
  isActive = true,
): Promise<KeyWithCreator & { apiKey: string }> {
  const plain = randomUUID();
  const [key] = await tx
    .insert(pipelineKeys)
    .values({
      orgId: pipeline.orgId,
      pipelineId: pipeline.id,
      keyHash: hashSecret(plain),
      prefix: keyHint(plain),
      description,
      isActive,
      createdBy: actor.userId,
    })
    .returning();
  if (!key) throw new Error("insert returned no row");
  return { ...key, createdByEmail: actor.email, apiKey: plain };
}

async function pipelineForKeys(db: Queryable, actor: Principal, pipelineId: string, lock = false) {
  const access = await loadVisiblePipeline(db, actor, pipelineId, lock);
  assertCanManageKeys(actor, access);
  return access.pipeline;
}

export async function listKeys(db: Queryable, actor: Principal, pipelineId: string): Promise<KeyWithCreator[]> {
  await pipelineForKeys(db, actor, pipelineId);
  return keysWithCreators(db)
    .where(and(eq(pipelineKeys.pipelineId, pipelineId), eq(pipelineKeys.orgId, actor.orgId)))
    .orderBy(asc(pipelineKeys.createdAt), asc(pipelineKeys.id));
}

export async function createKey(
  db: Db,
  actor: Principal,
  pipelineId: string,
  input: { description?: string; isActive?: boolean; reason?: string | null },
) {
  return db.transaction(async (tx) => {
    const pipeline = await pipelineForKeys(tx, actor, pipelineId, true);
    const key = await issuePipelineKey(tx, pipeline, actor, input.description ?? "", input.isActive ?? true);
    await auditInTx(tx, actor, { action: "key.create", objectType: "pipeline_key", objectId: key.id, objectName: key.description, reason: input.reason, details: { pipeline_id: pipelineId } });
    return key;
  });
}

/** A key by id, with the pipeline access checked: another org's key is a 404. */
async function loadKey(db: Queryable, actor: Principal, keyId: string): Promise<{ key: KeyWithCreator; access: Access }> {
  const [key] = await keysWithCreators(db).where(and(eq(pipelineKeys.id, keyId), eq(pipelineKeys.orgId, actor.orgId)));
  if (!key) throw notFound();
  const access = await loadVisiblePipeline(db, actor, key.pipelineId);
  assertCanManageKeys(actor, access);
  return { key, access };
}

/** A key the actor may switch or delete (see assertCanChangeKey). */
async function loadKeyToChange(db: Queryable, actor: Principal, keyId: string): Promise<KeyWithCreator> {
  const { key, access } = await loadKey(db, actor, keyId);
  assertCanChangeKey(actor, access, key);
  return key;
}

export async function getKey(db: Queryable, actor: Principal, keyId: string): Promise<KeyWithCreator> {
  return (await loadKey(db, actor, keyId)).key;
}

export async function updateKey(
  db: Db,
  actor: Principal,
  keyId: string,
  input: { description?: string; isActive?: boolean; reason?: string | null },
): Promise<KeyWithCreator> {
  return db.transaction(async (tx) => {
    const before = await loadKeyToChange(tx, actor, keyId);
    const [key] = await tx
      .update(pipelineKeys)
      .set({ description: input.description, isActive: input.isActive, modifiedAt: new Date() })
      .where(and(eq(pipelineKeys.id, keyId), eq(pipelineKeys.orgId, actor.orgId)))
      .returning();
    if (!key) throw notFound();
    await auditInTx(tx, actor, {
      action: "key.update",
      objectType: "pipeline_key",
      objectId: keyId,
      objectName: key.description,
      reason: input.reason,
      details: { pipeline_id: key.pipelineId, is_active: { from: before.isActive, to: key.isActive } },
    });
    // An update never changes who made the key.
    return { ...key, createdByEmail: before.createdByEmail };
  });
}

export async function deleteKey(db: Db, actor: Principal, keyId: string, reason?: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const key = await loadKeyToChange(tx, actor, keyId);
    await tx.delete(pipelineKeys).where(and(eq(pipelineKeys.id, keyId), eq(pipelineKeys.orgId, actor.orgId)));
    await auditInTx(tx, actor, { action: "key.delete", objectType: "pipeline_key", objectId: keyId, objectName: key.description, reason, details: { pipeline_id: key.pipelineId } });
  });
}

export async function hasActiveKey(db: Queryable, pipelineId: string): Promise<boolean> {
  const [key] = await db
    .select({ id: pipelineKeys.id })
    .from(pipelineKeys)
    .where(and(eq(pipelineKeys.pipelineId, pipelineId), eq(pipelineKeys.isActive, true)))
    .limit(1);
  return !!key;
}

// ---------------------------------------------------------------- the public trigger

export const missingKey = () => new DomainError("forbidden", "Missing api key");
const unauthorized = () => new DomainError("unauthenticated", "Unauthorized");
const pipelineNotFound = () => new DomainError("not_found", "Pipeline not found");

/** Starts a run with a pipeline key: valid only for its own pipeline, and only while active. */
export async function triggerWithKey(db: Db, orgId: string, pipelineId: string, plainKey: string | null) {
  if (!plainKey) throw missingKey();
  return db.transaction(async (tx) => {
    const [pipeline] = await tx
      .select()
      .from(pipelines)
      .where(and(eq(pipelines.id, pipelineId), eq(pipelines.orgId, orgId)))
      .for("update");
    if (!pipeline) throw pipelineNotFound();
    const presented = Buffer.from(hashSecret(plainKey));
    const [key] = await tx
      .select()
      .from(pipelineKeys)
      .where(and(eq(pipelineKeys.keyHash, hashSecret(plainKey)), eq(pipelineKeys.pipelineId, pipelineId)));
    // The lookup is by SHA-256 (safe against timing: see findTokenGrant in ./tokens.ts); the
    // row found is compared again in constant time, so no JS comparison leaks either.
    if (!key || !key.isActive || !timingSafeEqual(Buffer.from(key.keyHash), presented)) throw unauthorized();
    if (!pipeline.active) throw pipelineNotFound();
    await tx.update(pipelineKeys).set({ lastUsedAt: new Date() }).where(eq(pipelineKeys.id, key.id));
    const actor: AuditActor = { orgId, userId: null, email: `pipeline key ${key.prefix}…` };
    return startExecutionInTx(tx, actor, pipeline, {
      method: "DIRECT",
      trigger: { kind: "api_key", keyId: key.id, description: key.description },
    });
  });
}
