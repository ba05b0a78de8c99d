// Any /v0/… path no route serves: a 404 in §3's dialect, naming the path.
import { storageDialect } from "@/lib/api/storage/dialect";
import { DetailedError } from "@/lib/api/storage/errors";
import { unknownPath } from "@/lib/api/unknown-path";
import { notFound } from "@/lib/domain/errors";

export const { GET, POST, PUT, PATCH, DELETE } = unknownPath(storageDialect, (pathname) => new DetailedError(notFound(), { path: pathname }));
