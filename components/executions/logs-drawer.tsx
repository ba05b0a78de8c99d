"use client";

// A run's log in a side panel (a modal dialog): it follows a live run, scrolling along unless
// the reader scrolled up to read something, in which case a button brings them back down.
import { useLayoutEffect, useRef, useState } from "react";
import { formatDateTime, formatLogTime } from "@/components/format";
import { Modal } from "@/components/pipelines/modal";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { ExecutionStatusBadge, isRunning } from "./execution-status";
import { useExecutionLogs } from "./use-execution-logs";

export interface LogsTarget {
  id: string;
  pipeline_name?: string;
  status: string;
}

interface LogsDrawerProps {
  org: string;
  execution: LogsTarget | null;
  onClose: () => void;
}

export function LogsDrawer({ org, execution, onClose }: LogsDrawerProps) {
  return (
    <Modal open={execution !== null} onClose={onClose} labelledBy="logs-title" placement="side" testId="logs-drawer">
      {execution && <LogsBody org={org} execution={execution} onClose={onClose} />}
    </Modal>
  );
}

const LEVEL_STYLE: Record<string, string> = {
  ERROR: "text-red-300",
  WARN: "text-amber-300",
  WARNING: "text-amber-300",
};

function LogsBody({ org, execution, onClose }: { org: string; execution: LogsTarget; onClose: () => void }) {
  const logs = useExecutionLogs(org, execution.id);
  const scroller = useRef<HTMLDivElement>(null);
  // How many lines there were when the reader scrolled up; null while they follow the end.
  const [heldAt, setHeldAt] = useState<number | null>(null);
  const lines = logs.data?.lines ?? [];
  const status = logs.data?.status ?? execution.status;
  const live = isRunning(status);
  const unseen = heldAt !== null && lines.length > heldAt;

  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && heldAt === null) box.scrollTop = box.scrollHeight;
  }, [lines.length, heldAt]);

  function onScroll() {
    const box = scroller.current;
    if (!box) return;
    const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
    if (atEnd) setHeldAt(null);
    else if (heldAt === null) setHeldAt(lines.length);
  }

  function jumpToLatest() {
    setHeldAt(null);
  }

  return (
    <div className="flex h-full flex-col">
      <div className="flex items-start justify-between gap-3 border-b border-gray-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id="logs-title" className="text-lg font-semibold">
            Logs of run <span className="font-mono text-base">{execution.id.slice(0, 8)}</span>
          </h2>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            {execution.pipeline_name && <span className="break-all">{execution.pipeline_name}</span>}
            <ExecutionStatusBadge status={status} />
          </div>
        </div>
        <button type="button" className="btn-secondary" onClick={onClose} data-testid="close-logs">
          Close
        </button>
      </div>
      <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto bg-gray-900 px-4 py-3" tabIndex={0} aria-label="Log lines">
        {logs.isPending ? (
          <div className="text-gray-200">
            <Loading label="Loading the log…" />
          </div>
        ) : logs.isError && lines.length === 0 ? (
          <ErrorNotice title="Could not load the log." error={logs.error} onRetry={() => void logs.refetch()} />
        ) : lines.length === 0 ? (
          <p className="text-sm text-gray-300">{live ? "Waiting for the first line…" : "This run wrote no log lines."}</p>
        ) : (
          <div role="log" aria-live="polite" data-testid="log-lines">
            <ol className="space-y-1 font-mono text-xs leading-relaxed text-gray-100">
              {lines.map((line) => (
                <li key={line.id} className="break-words">
                  <time dateTime={line.at} title={formatDateTime(line.at)} className="mr-2 text-gray-400">
                    {formatLogTime(line.at)}
                  </time>
                  <span className={`mr-2 font-semibold ${LEVEL_STYLE[line.level] ?? "text-sky-300"}`}>{line.level}</span>
                  <span>{line.message}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-gray-200 px-4 py-2 text-sm">
        <p role="status" className="text-ink-muted" data-testid="logs-state">
          {live ? "Following the run live…" : `Run ${status.toLowerCase()}. ${lines.length} ${lines.length === 1 ? "line" : "lines"}.`}
        </p>
        {unseen && (
          <button type="button" className="btn-secondary py-1" onClick={jumpToLatest}>
            Jump to the latest line
          </button>
        )}
      </div>
    </div>
  );
}
