"use client";

// The pipeline page's tabs that are not shown first, each fetched when it is opened: a visit
// that only looks at the overview does not download the executions table, the keys, the
// sharing form or the danger zone. While one loads, the same spinner its own data shows.
import { lazyPart } from "@/components/ui/lazy-part";

export const LazyExecutionsTable = lazyPart(() => import("@/components/executions/executions-table").then((m) => m.ExecutionsTable));
export const LazyKeysSection = lazyPart(() => import("@/components/keys/keys-section").then((m) => m.KeysSection));
export const LazySharingSection = lazyPart(() => import("@/components/sharing/sharing-section").then((m) => m.SharingSection));
export const LazyDangerZone = lazyPart(() => import("@/components/danger-zone/danger-zone").then((m) => m.DangerZone));
