// The rule of a pipeline's name, for the server and the forms alike (pure, no imports). A name is
// a path segment in the storage dialect (/v0/pipelines/{name}), a file name in the Postman
// download and a line in logs and audit entries: so no "/", no control characters (CR/LF would
// split a log line), and not "." or "..", which a URL resolves away before any route sees them.
// Length (1–32 after trimming) is the request schemas' rule (lib/api/common-schemas.ts).

export const PIPELINE_NAME_RULE =
  'A pipeline name may use letters, digits, spaces and punctuation, but no "/" and no control characters (such as line breaks), and it cannot be "." or "..".';

// C0, DEL and C1 controls, and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** The rule's message when `name` (already trimmed) breaks it, else null. */
export function pipelineNameProblem(name: string): string | null {
  if (name.includes("/") || CONTROL.test(name) || name === "." || name === "..") return PIPELINE_NAME_RULE;
  return null;
}
