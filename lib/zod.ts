// zod, for code that may run in the browser. zod compiles fast object parsers with `new Function`
// and, to know whether it may, tries `Function("")` once — which our Content-Security-Policy
// (no 'unsafe-eval') refuses and reports as a violation. In the browser it is told not to try;
// on the server, where no CSP applies, it keeps its faster compiled parsers.
// Import zod through this module wherever a schema can reach the client bundle, so this runs
// before any schema is built (zod decides at construction).
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
