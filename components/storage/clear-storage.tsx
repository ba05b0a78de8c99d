"use client";

// Clearing a pipeline's storage: the action (with why it cannot run now), its confirmation,
// the server's refusal in its own words, and the live progress bar while the clear runs.
import { useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "@/components/api-client";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";
import { ReasonConfirm } from "@/components/danger-zone/reason-confirm";
import { showToast } from "@/components/ui/toast";
import { clearBlockedReason } from "./clear-rules";
import { countOf, formatBytes } from "@/components/format";
import { STORAGE_LABELS, storageKindOf } from "@/components/labels";
import { useDeletionImpact } from "@/components/wizard/use-deletion-impact";
import { StorageProgress } from "./storage-progress";
import { useClearStorage, useStorageProgress } from "./use-storage";
import type { StorageStatus } from "@/lib/vocabulary";

interface ClearStorageProps {
  org: string;
  /** runCount: none means the storage was never used, which reads "No storage", not "Cleared". */
  pipeline: { id: string; name: string; storageStatus: StorageStatus; runCount?: number };
  canChange: boolean;
  /** Pending or executing runs of the pipeline; null while unknown. */
  running: number | null;
  /** Left-aligned action, for a page of its own (the wizard); right-aligned in a list of actions. */
  align?: "start" | "end";
  /** What is stored now, when the caller knows (the wizard does, from the deletion impact). */
  stored?: { records: number; bytes: number };
}

const STATUS_TEXT: Record<keyof typeof STORAGE_LABELS, string> = {
  NeverUsed: "it has never run, so nothing was ever stored.",
  Cleared: "nothing is stored.",
  InUse: "runs have left records and checkpoints.",
  Clearing: "records are being removed.",
};

export function ClearStorage({ org, pipeline, canChange, running, align = "end", stored }: ClearStorageProps) {
  const ref = { id: pipeline.id, name: pipeline.name };
  const { progress, seenAt, finishedAt, everCleared, query } = useStorageProgress(org, ref, pipeline.storageStatus);
  const clear = useClearStorage(org, ref);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Whether this view saw the clear run: only then does its end deserve a toast.
  const watched = useRef(false);

  const status = progress.status;
  // The clear started here whose end was announced (by its submission time).
  const announcedFor = useRef<number | null>(null);
  const startedHere = clear.isSuccess ? clear.submittedAt : null;
  // Whether the end of the clear last seen running was announced: one toast per clear, though
  // the live event and the POST's answer may arrive in either order.
  const endAnnounced = useRef(false);
  // The clear whose end was announced, named by when it started (reads and events both carry it).
  const announcedClear = useRef<number | null>(null);
  const clearId = progress.startedAt;
  useEffect(() => {
    if (status !== "Cleared") {
      // In use again, or clearing: the next time it is Cleared is a new clear's end.
      endAnnounced.current = false;
      if (status === "Clearing") watched.current = true;
      return;
    }
    // A clear may end before its POST answers (its events come first): announce it all the same.
    const ownUnannounced = startedHere !== null && announcedFor.current !== startedHere;
    if (startedHere !== null) announcedFor.current = startedHere;
    if ((watched.current || ownUnannounced) && !endAnnounced.current) {
      watched.current = false;
      endAnnounced.current = true;
      if (clearId !== null && announcedClear.current === clearId) return;
      announcedClear.current = clearId;
      showToast(`The storage of ${pipeline.name} is cleared.`);
    }
  }, [status, startedHere, clearId, pipeline.name]);

  const kind = storageKindOf(status, pipeline.runCount ?? 1);
  const blocked = kind === "NeverUsed" && canChange ? "Nothing to clear: it has never run." : clearBlockedReason({ canChange, storageStatus: status, running });
  // How much goes, for the confirmation: the caller's figures, else a count asked when it opens.
  const impact = useDeletionImpact(org, pipeline.id, { enabled: confirming && !stored });
  const amount = stored ?? (impact.data ? { records: impact.data.removed.storage_records, bytes: impact.data.removed.storage_bytes } : null);
  // From the click until the clear has ended, one word: the clear is what is happening.
  const clearing = status === "Clearing" || clear.isPending;

  function cancel() {
    setConfirming(false);
    buttonRef.current?.focus();
  }

  function confirm(reason: string) {
    setRefusal(null);
    clear.mutate(reason, {
      onSuccess: () => setConfirming(false),
      onError: (error) => {
        setConfirming(false);
        const code = error instanceof ApiError ? error.errors[0]?.code : undefined;
        setRefusal(
          code === "StorageStatusImmutableUnlessStopped"
            ? `The server refused: ${errorMessage(error)} Wait for or stop them, then try again.`
            : `Could not clear the storage: ${errorMessage(error)}`,
        );
        buttonRef.current?.focus();
      },
    });
  }

  const showBar = status === "Clearing" || (status === "Cleared" && everCleared && (finishedAt !== null || progress.totalRows > 0));

  return (
    <div className="space-y-3" data-testid="clear-storage">
      <div className={`flex flex-col gap-3 ${align === "end" ? "sm:flex-row sm:items-start sm:justify-between" : ""}`}>
        <div className="min-w-0">
          <h3 className="font-medium">Clear storage</h3>
          <p className="text-sm text-ink-muted">
            Removes the records and checkpoints its runs left behind. A clear cannot be cancelled; destination tables are not touched.
          </p>
          <p className="mt-1 text-sm">
            <span className="text-ink-muted">Storage: </span>
            <span className="font-medium" data-testid="storage-status">
              {STORAGE_LABELS[kind]}
            </span>
            <span className="text-ink-muted"> — {STATUS_TEXT[kind]}</span>
          </p>
        </div>
        {!confirming && (
          <ActionWithReason
            ref={buttonRef}
            testId="clear-storage-button"
            variant="danger"
            disabledReason={blocked}
            pending={clear.isPending}
            expanded={confirming}
            align={align}
            onClick={() => {
              setRefusal(null);
              setConfirming(true);
            }}
          >
            {clearing ? "Clearing…" : "Clear storage…"}
          </ActionWithReason>
        )}
      </div>
      {confirming && (
        <ReasonConfirm
          question={`Clear the storage of ${pipeline.name}?`}
          detail={
            amount
              ? `This deletes ${countOf(amount.records, "record", "records")} (${formatBytes(amount.bytes)}) from the storage of ${pipeline.name}, for good.`
              : impact.isError
                ? `Everything the runs of ${pipeline.name} stored goes, for good (the amount could not be counted).`
                : "Counting what is stored…"
          }
          confirmLabel="Clear storage"
          pendingLabel="Clearing…"
          pending={clear.isPending}
          danger
          onConfirm={confirm}
          onCancel={cancel}
          testId="confirm-clear-storage"
        />
      )}
      {refusal && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="clear-storage-error">
          {refusal}
        </p>
      )}
      {query.isError && (
        <p role="alert" className="text-sm text-bad" data-testid="storage-read-error">
          Could not read the storage status: {errorMessage(query.error)}
        </p>
      )}
      {showBar && <StorageProgress progress={progress} seenAt={seenAt} pipelineName={pipeline.name} finishedAt={finishedAt} />}
    </div>
  );
}
