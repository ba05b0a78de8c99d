// GET /api/health: 200 when the database answers, 503 when it does not.
import { dbKind, pingDb } from "@/db/client";
import { VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const db = dbKind();
  const ok = await pingDb();
  return Response.json(
    ok ? { status: "ok", db, version: VERSION } : { status: "unavailable", db, version: VERSION, detail: "The database does not answer." },
    { status: ok ? 200 : 503 },
  );
}
