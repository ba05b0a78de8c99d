"use client";

// The pipeline page's tabs that are not shown first, each fetched when it is opened: a visit
// that only looks at the overview does not download the executions table, the keys, the
// sharing form or the danger zone. While one loads, the same spinner its own data shows.
// React.lazy rather than next/dynamic: the page then carries no loader code of its own.
import { lazy, Suspense, type ComponentProps } from "react";
import { Loading } from "@/components/ui/status";

const ExecutionsTable = lazy(() => import("@/components/executions/executions-table").then((m) => ({ default: m.ExecutionsTable })));
const KeysSection = lazy(() => import("@/components/keys/keys-section").then((m) => ({ default: m.KeysSection })));
const SharingSection = lazy(() => import("@/components/sharing/sharing-section").then((m) => ({ default: m.SharingSection })));
const DangerZone = lazy(() => import("@/components/danger-zone/danger-zone").then((m) => ({ default: m.DangerZone })));

export function LazyExecutionsTable(props: ComponentProps<typeof ExecutionsTable>) {
  return (
    <Suspense fallback={<Loading />}>
      <ExecutionsTable {...props} />
    </Suspense>
  );
}

export function LazyKeysSection(props: ComponentProps<typeof KeysSection>) {
  return (
    <Suspense fallback={<Loading />}>
      <KeysSection {...props} />
    </Suspense>
  );
}

export function LazySharingSection(props: ComponentProps<typeof SharingSection>) {
  return (
    <Suspense fallback={<Loading />}>
      <SharingSection {...props} />
    </Suspense>
  );
}

export function LazyDangerZone(props: ComponentProps<typeof DangerZone>) {
  return (
    <Suspense fallback={<Loading />}>
      <DangerZone {...props} />
    </Suspense>
  );
}
