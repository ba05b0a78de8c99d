// Any /platform/… path no route serves: Maestro's (FastAPI's) own 404, {"detail": "Not Found"}.
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { unknownPath } from "@/lib/api/unknown-path";
import { notFound } from "@/lib/domain/errors";

export const { GET, POST, PUT, PATCH, DELETE } = unknownPath(maestroDialect, () => notFound("Not Found"));
