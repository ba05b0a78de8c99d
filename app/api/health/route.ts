// GET /api/health: 200 when the database answers, 503 when it does not.
import { dbKind, pingDb } from "@/db/client";
import { VERSION } from "@/lib/version";
import { v1Dialect } from "@/lib/api/console/dialect";
import { otherMethods } from "@/lib/api/methods";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const db = dbKind();
  const ok = await pingDb();
  return Response.json(
    ok ? { status: "ok", db, version: VERSION } : { status: "unavailable", db, version: VERSION, detail: "The database does not answer." },
    { status: ok ? 200 : 503 },
  );
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
