import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";

describe("GET /api/health without a database", () => {
  it("answers 503 and says the database does not answer", async () => {
    // Nothing listens on port 1; the client is opened lazily, on this first request.
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nothing";
    const res = await health();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable", db: "postgres", detail: "The database does not answer." });
  });
});
