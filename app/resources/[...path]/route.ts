// Any /resources/… path of more than one segment: FastAPI's own 404, {"detail": "Not Found"}.
// (/resources/{id} is its own route: Next.js prefers it to this catch-all.)
import { resourcesDialect } from "@/lib/api/resources/dialect";
import { unknownPath } from "@/lib/api/unknown-path";
import { notFound } from "@/lib/domain/errors";

export const { GET, POST, PUT, PATCH, DELETE } = unknownPath(resourcesDialect, () => notFound("Not Found"));
