// drizzle's adapter for postgres.js, loaded on demand by db/client.ts. Imported here statically,
// not by import() there: the boot and the worker are loaded by tsx as CommonJS, where the schema's
// drizzle-orm is the CommonJS copy and an import() would bring the ES module copy, whose objects
// fail every `instanceof` against the schema's (see Handle in db/client.ts).
export { drizzle } from "drizzle-orm/postgres-js";
export { migrate } from "drizzle-orm/postgres-js/migrator";
