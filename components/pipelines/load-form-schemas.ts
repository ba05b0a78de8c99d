// Fetches the forms' schemas (./form-schemas) once, on demand. A form calls it when it is first
// focused or hovered, so the module is usually here by the time it is submitted; a submit awaits
// it in any case. A failed fetch is forgotten, so the next attempt fetches again.
type FormSchemas = typeof import("./form-schemas");

let loading: Promise<FormSchemas> | null = null;

export function loadFormSchemas(): Promise<FormSchemas> {
  loading ??= import("./form-schemas").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** For onFocus/onPointerEnter: start the fetch, and let a failure surface on submit instead. */
export function preloadFormSchemas(): void {
  loadFormSchemas().catch(() => undefined);
}

export const SCHEMAS_UNAVAILABLE = "Could not load the form's checks. Check your connection and try again.";

/** The schemas for a submit, or null once `unavailable` was told the form's messages. */
export async function formSchemasOr(unavailable: (messages: string[]) => void): Promise<FormSchemas | null> {
  try {
    return await loadFormSchemas();
  } catch {
    unavailable([SCHEMAS_UNAVAILABLE]);
    return null;
  }
}
