"use client";

// The bulk delete dialog and its progress panel, fetched when the bar's Delete… is reached for
// (pointer or focus) or clicked: most visits of the list never delete, and need not download
// them. The dialog is a modal over the page, so it needs no placeholder; the panel has one.
import dynamic from "next/dynamic";
import { Loading } from "@/components/ui/status";

const dialogModule = () => import("./bulk-delete-dialog");
const progressModule = () => import("./bulk-delete-progress");

export const LazyBulkDeleteDialog = dynamic(() => dialogModule().then((m) => m.BulkDeleteDialog), { loading: () => null });
export const LazyBulkDeleteProgress = dynamic(() => progressModule().then((m) => m.BulkDeleteProgress), { loading: () => <Loading /> });

export function preloadBulkDelete(): void {
  dialogModule().catch(() => undefined);
  progressModule().catch(() => undefined);
}
