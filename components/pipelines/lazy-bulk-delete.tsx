"use client";

// The bulk delete dialog and its progress panel, fetched when the bar's Delete… is reached for
// (pointer or focus) or clicked: most visits of the list never delete, and need not download
// them. The dialog is a modal over the page, so it needs no placeholder; the panel has one.
import { lazyPart } from "@/components/ui/lazy-part";

const dialogModule = () => import("./bulk-delete-dialog");
const progressModule = () => import("./bulk-delete-progress");

export const LazyBulkDeleteDialog = lazyPart(() => dialogModule().then((m) => m.BulkDeleteDialog), null);
export const LazyBulkDeleteProgress = lazyPart(() => progressModule().then((m) => m.BulkDeleteProgress));

export function preloadBulkDelete(): void {
  dialogModule().catch(() => undefined);
  progressModule().catch(() => undefined);
}
