"use client";

// The last ≤50 runs as bars, oldest on the left: height is how long the run took (on a log
// scale, so one long run does not flatten the rest), colour its status, and each bar is a link
// to that run's log. Plain SVG; the same facts are in a table for anyone who cannot see the chart.
import { isRunning, statusLook } from "@/components/executions/execution-status";
import type { ExecutionRow } from "@/components/executions/use-executions";
import { countOf, formatDateTime } from "@/components/format";
import { EXECUTION_STATUSES } from "@/lib/vocabulary";
import { axisMarks, barShare } from "./run-scale";
import { durationInWords } from "./time-words";
import { useNow } from "./use-now";

const SLOT = 10;
const BAR = 7;
const HEIGHT = 100;

/** Where a run's log opens: the Executions page with its drawer on that run. */
export const runHref = (id: string) => `/executions?run=${id}`;

function seconds(run: ExecutionRow, now: number): number {
  if (run.execution_time !== null) return run.execution_time;
  if (isRunning(run.status) && run.started_at) return Math.max(0, (now - new Date(run.started_at).getTime()) / 1000);
  return 0;
}

export function RunHistoryChart({ runs }: { runs: ExecutionRow[] }) {
  const now = useNow(5_000);
  // The API answers newest first; time reads left to right.
  const ordered = [...runs].reverse();
  const durations = ordered.map((run) => seconds(run, now));
  const longest = Math.max(1, ...durations);
  const counts = EXECUTION_STATUSES.map((status) => [status, ordered.filter((r) => r.status === status).length] as const).filter(([, n]) => n > 0);
  const summary = `Run history: the last ${ordered.length} ${ordered.length === 1 ? "run" : "runs"}, oldest first. ${counts
    .map(([status, n]) => `${n} ${statusLook(status).label.toLowerCase()}`)
    .join(", ")}. The longest took ${durationInWords(longest)}. Each bar links to its run's log.`;
  const marks = axisMarks(longest);

  if (ordered.length === 0) {
    return <p className="py-6 text-center text-sm text-ink-muted">No runs yet: the chart fills in as the pipeline runs.</p>;
  }

  return (
    <figure className="space-y-2" data-testid="run-history-chart">
      <div className="flex items-stretch gap-2">
        <div aria-hidden className="relative w-14 shrink-0 text-right text-xs tabular-nums text-ink-faint">
          <span className="absolute right-0 top-0">{durationInWords(longest)}</span>
          {marks.map((mark) => (
            <span key={mark} className="absolute right-0" style={{ bottom: `${barShare(mark, longest) * 96}%`, transform: "translateY(50%)" }}>
              {durationInWords(mark)}
            </span>
          ))}
          <span className="absolute bottom-0 right-0">0s</span>
        </div>
        <svg
          role="group"
          aria-label={summary}
          data-testid="run-history-bars"
          viewBox={`0 0 ${Math.max(ordered.length, 10) * SLOT} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-32 w-full min-w-0 border-b border-l border-gray-300"
        >
          {marks.map((mark) => (
            <line key={mark} x1={0} x2="100%" y1={HEIGHT - barShare(mark, longest) * (HEIGHT - 4)} y2={HEIGHT - barShare(mark, longest) * (HEIGHT - 4)} stroke="#e5e7eb" strokeWidth={0.5} />
          ))}
          {ordered.map((run, i) => {
            const height = Math.max(2, barShare(durations[i] ?? 0, longest) * (HEIGHT - 4));
            const look = statusLook(run.status);
            const words = `${look.label}, started ${formatDateTime(run.started_at ?? run.created_at)}, took ${durationInWords(durations[i] ?? 0)}, ${countOf(run.successful_files, "record", "records")} ok, ${countOf(run.failed_files, "record", "records")} failed`;
            return (
              <a key={run.id} href={runHref(run.id)} aria-label={`Open the log: ${words}`} data-testid="run-bar" data-status={run.status}>
                {/* The whole slot is the link's target, so a short bar is as easy to click as a tall one. */}
                <rect x={i * SLOT} y={0} width={SLOT} height={HEIGHT} fill="transparent" />
                <rect x={i * SLOT + (SLOT - BAR) / 2} y={HEIGHT - height} width={BAR} height={height} fill={look.fill}>
                  <title>{words}</title>
                </rect>
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1 pl-16 text-xs text-ink-muted">
        {counts.map(([status, n]) => (
          <span key={status} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: statusLook(status).fill }} />
            {statusLook(status).label} ({n})
          </span>
        ))}
        <span>Bar height: how long the run took, on a log scale. Click a bar to open its log.</span>
      </figcaption>
      <details className="pl-16 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Show these runs as a table</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">The last {ordered.length} runs, oldest first</caption>
            <thead className="text-ink-faint">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Started</th>
                <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                <th scope="col" className="py-1 font-medium">Duration</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {ordered.map((run, i) => (
                <tr key={run.id}>
                  <td className="py-1 pr-3">{formatDateTime(run.started_at ?? run.created_at)}</td>
                  <td className="py-1 pr-3">{statusLook(run.status).label}</td>
                  <td className="py-1 tabular-nums">{durationInWords(durations[i] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
