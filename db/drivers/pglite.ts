// drizzle's adapter for PGlite, loaded on demand by db/client.ts; imported statically for the
// reason given in ./postgres.ts.
export { drizzle } from "drizzle-orm/pglite";
export { migrate } from "drizzle-orm/pglite/migrator";
