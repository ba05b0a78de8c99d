"use client";

// The pipeline page's tabs that are not shown first, each fetched when it is opened: a visit
// that only looks at the overview does not download the executions table, the keys, the
// sharing form or the danger zone. While one loads, the same spinner its own data shows.
import dynamic from "next/dynamic";
import { Loading } from "@/components/ui/status";

const loading = () => <Loading />;

export const LazyExecutionsTable = dynamic(() => import("@/components/executions/executions-table").then((m) => m.ExecutionsTable), { loading });
export const LazyKeysSection = dynamic(() => import("@/components/keys/keys-section").then((m) => m.KeysSection), { loading });
export const LazySharingSection = dynamic(() => import("@/components/sharing/sharing-section").then((m) => m.SharingSection), { loading });
export const LazyDangerZone = dynamic(() => import("@/components/danger-zone/danger-zone").then((m) => m.DangerZone), { loading });
