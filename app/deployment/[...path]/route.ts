// Any /deployment/… path other than the trigger: a JSON 404 in §1's dialect, as the trigger's.
import { v1Dialect } from "@/lib/api/console/dialect";
import { unknownPath } from "@/lib/api/unknown-path";
import { notFound } from "@/lib/domain/errors";

export const { GET, POST, PUT, PATCH, DELETE } = unknownPath(v1Dialect, () => notFound());
