"use client";

// The bulk delete dialog and its progress panel, fetched when the bar's Delete… is reached for
// (pointer or focus) or clicked: most visits of the list never delete, and need not download
// them. The dialog is a modal over the page, so it needs no placeholder; the panel has one.
// React.lazy rather than next/dynamic: the list then carries no loader code of its own.
import { lazy, Suspense, type ComponentProps } from "react";
import { Loading } from "@/components/ui/status";

const dialogModule = () => import("./bulk-delete-dialog");
const progressModule = () => import("./bulk-delete-progress");

const BulkDeleteDialog = lazy(() => dialogModule().then((m) => ({ default: m.BulkDeleteDialog })));
const BulkDeleteProgress = lazy(() => progressModule().then((m) => ({ default: m.BulkDeleteProgress })));

export function LazyBulkDeleteDialog(props: ComponentProps<typeof BulkDeleteDialog>) {
  return (
    <Suspense fallback={null}>
      <BulkDeleteDialog {...props} />
    </Suspense>
  );
}

export function LazyBulkDeleteProgress(props: ComponentProps<typeof BulkDeleteProgress>) {
  return (
    <Suspense fallback={<Loading />}>
      <BulkDeleteProgress {...props} />
    </Suspense>
  );
}

export function preloadBulkDelete(): void {
  dialogModule().catch(() => undefined);
  progressModule().catch(() => undefined);
}
