import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import pkg from "@/package.json";

describe("GET /api/health", () => {
  it("answers 200 with the database kind and version when the database answers", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      db: process.env.DATABASE_URL ? "postgres" : "pglite",
      version: pkg.version,
    });
  });
});
