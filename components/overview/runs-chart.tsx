// Runs of the last 24 hours, an hour per bar stacked by status. The bars are a picture only
// (aria-hidden): the same figures are in words beside it, each status a link to its runs.
import Link from "next/link";
import { statusLook } from "@/components/executions/execution-status";
import { countOf, formatCount } from "@/components/format";
import { EXECUTION_STATUSES } from "@/lib/vocabulary";
import type { OrgOverview } from "./use-overview";

type Runs = OrgOverview["runs_24h"];

const HEIGHT = 80;
const BAR = 10;
const GAP = 2;

const hourFormat = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export function RunsChart({ runs }: { runs: Runs }) {
  const busiest = Math.max(1, ...runs.by_hour.map((h) => EXECUTION_STATUSES.reduce((sum, s) => sum + h.counts[s], 0)));
  const width = runs.by_hour.length * (BAR + GAP);
  const first = runs.by_hour[0];
  const last = runs.by_hour.at(-1);
  return (
    <div className="space-y-3">
      <svg
        aria-hidden
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-20 w-full rounded bg-surface-sunken"
        data-testid="overview-runs-chart"
      >
        {runs.by_hour.map((hour, i) => {
          let top = HEIGHT;
          return EXECUTION_STATUSES.map((status) => {
            const n = hour.counts[status];
            if (n === 0) return null;
            const h = Math.max(1, (n / busiest) * HEIGHT);
            top -= h;
            return <rect key={`${hour.hour}-${status}`} x={i * (BAR + GAP)} y={top} width={BAR} height={h} fill={statusLook(status).fill} />;
          });
        })}
      </svg>
      {first && last && (
        <p aria-hidden className="flex justify-between text-xs text-ink-muted">
          <span>{hourFormat.format(new Date(first.hour))}</span>
          <span>now</span>
        </p>
      )}
      <p className="sr-only">
        {countOf(runs.total, "run", "runs")} in the last 24 hours, by hour from {first ? hourFormat.format(new Date(first.hour)) : ""}; by
        status:
      </p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="overview-runs-by-status">
        {EXECUTION_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: statusLook(status).fill }} />
            <Link href={`/executions?status=${status}`} className="text-brand-700 hover:underline" data-testid={`overview-runs-${status}`}>
              {statusLook(status).label}: {formatCount(runs.by_status[status])}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
