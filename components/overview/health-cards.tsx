// The Overview's health cards: each says a figure, names what it counts and links to it.
import Link from "next/link";
import type { ReactNode } from "react";
import { statusLook } from "@/components/executions/execution-status";
import { countOf, formatBytes, formatCount, formatDateTime } from "@/components/format";
import { sinceInWords, timeInWords } from "@/components/pipelines/time-words";
import type { OrgOverview } from "./use-overview";

interface HealthCardProps {
  id: string;
  title: string;
  figure: string;
  /** Colours the figure when it calls for attention. */
  tone?: "bad" | "warn" | "plain";
  link: { href: string; label: string };
  children?: ReactNode;
}

export function HealthCard({ id, title, figure, tone = "plain", link, children }: HealthCardProps) {
  const figureColour = tone === "bad" ? "text-bad" : tone === "warn" ? "text-warn" : "text-ink";
  return (
    <section aria-labelledby={`${id}-title`} className="card flex min-w-0 flex-col p-4" data-testid={id}>
      <h2 id={`${id}-title`} className="text-sm font-medium text-ink-muted">
        {title}
      </h2>
      <p className={`mt-1 text-2xl font-semibold ${figureColour}`} data-testid={`${id}-count`}>
        {figure}
      </p>
      <div className="mt-2 flex-1 text-sm">{children}</div>
      <Link href={link.href} className="mt-3 text-sm font-medium text-brand-700 hover:underline" data-testid={`${id}-link`}>
        {link.label} <span aria-hidden>→</span>
      </Link>
    </section>
  );
}

function PipelineLink({ id, name, testId }: { id: string; name: string; testId: string }) {
  return (
    <Link href={`/pipelines/${id}`} className="font-medium text-brand-700 break-all hover:underline" data-testid={testId}>
      {name}
    </Link>
  );
}

function More({ shown, count }: { shown: number; count: number }) {
  return count > shown ? <li className="text-ink-muted">and {formatCount(count - shown)} more</li> : null;
}

export function FailingCard({ failing, now }: { failing: OrgOverview["failing"]; now: number }) {
  return (
    <HealthCard
      id="overview-failing"
      title="Failing now"
      figure={countOf(failing.count, "pipeline", "pipelines")}
      tone={failing.count > 0 ? "bad" : "plain"}
      link={{ href: "/executions?status=ERROR", label: "Failed runs" }}
    >
      {failing.count === 0 ? (
        <p className="text-ink-muted">No pipeline&apos;s last run failed.</p>
      ) : (
        <ul className="space-y-1">
          {failing.pipelines.map((p) => (
            <li key={p.id}>
              <PipelineLink id={p.id} name={p.name} testId="overview-failing-item" />
              {p.last_run_time && <span className="text-ink-muted"> · {sinceInWords(p.last_run_time, now)}</span>}
            </li>
          ))}
          <More shown={failing.pipelines.length} count={failing.count} />
        </ul>
      )}
    </HealthCard>
  );
}

export function RunningCard({ running }: { running: OrgOverview["running"] }) {
  return (
    <HealthCard
      id="overview-running"
      title="Running now"
      figure={countOf(running.count, "run", "runs")}
      link={{ href: "/executions?status=EXECUTING", label: "Executing runs" }}
    >
      <p className="text-ink-muted">
        {formatCount(running.executing)} executing, {formatCount(running.pending)} pending
      </p>
      {running.runs.length > 0 && (
        <ul className="mt-1 space-y-1">
          {running.runs.map((r) => (
            <li key={r.id}>
              <PipelineLink id={r.pipeline_id} name={r.pipeline_name} testId="overview-running-item" />
              <span className="text-ink-muted"> · {statusLook(r.status).label.toLowerCase()}</span>
            </li>
          ))}
          <More shown={running.runs.length} count={running.count} />
        </ul>
      )}
    </HealthCard>
  );
}

export function PausedCard({ paused, now }: { paused: OrgOverview["paused"]; now: number }) {
  return (
    <HealthCard
      id="overview-paused"
      title="Paused"
      figure={countOf(paused.count, "pipeline", "pipelines")}
      tone={paused.count > 0 ? "warn" : "plain"}
      link={{ href: "/pipelines?active=false", label: "Paused pipelines" }}
    >
      {paused.count === 0 ? (
        <p className="text-ink-muted">Every pipeline is active.</p>
      ) : (
        <ul className="space-y-2">
          {paused.pipelines.map((p) => (
            <li key={p.id} data-testid="overview-paused-item">
              <PipelineLink id={p.id} name={p.name} testId="overview-paused-name" />
              <p className="text-ink-muted break-words">
                by {p.paused_by ?? "someone no longer here"}
                {p.paused_at && <> · {sinceInWords(p.paused_at, now)}</>}
                {p.resume_at && <> · resumes {timeInWords(p.resume_at, now)}</>}
              </p>
              {p.pause_reason && <p className="text-ink break-words">“{p.pause_reason}”</p>}
            </li>
          ))}
          <More shown={paused.pipelines.length} count={paused.count} />
        </ul>
      )}
    </HealthCard>
  );
}

export function StorageCard({ storage }: { storage: OrgOverview["storage"] }) {
  return (
    <HealthCard
      id="overview-storage"
      title="Storage in use"
      figure={formatBytes(storage.bytes)}
      link={{ href: "/pipelines", label: "Pipelines" }}
    >
      <p className="text-ink-muted">
        {countOf(storage.records, "record", "records")} in {countOf(storage.pipelines, "pipeline", "pipelines")}
      </p>
    </HealthCard>
  );
}

export function NextRunsCard({ nextRuns, now }: { nextRuns: OrgOverview["next_runs"]; now: number }) {
  return (
    <HealthCard
      id="overview-next"
      title="Next runs"
      figure={nextRuns[0] ? `Next ${timeInWords(nextRuns[0].fire_at, now)}` : "None scheduled"}
      link={{ href: "/pipelines?active=true", label: "Active pipelines" }}
    >
      {nextRuns.length === 0 ? (
        <p className="text-ink-muted">No active pipeline has a schedule.</p>
      ) : (
        <ol className="divide-y divide-gray-100">
          {nextRuns.map((n) => (
            <li key={`${n.pipeline_id}-${n.fire_at}`} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1" data-testid="overview-next-item">
              <PipelineLink id={n.pipeline_id} name={n.pipeline_name} testId="overview-next-name" />
              <span className="text-ink-muted">
                {timeInWords(n.fire_at, now)} · <time dateTime={n.fire_at}>{formatDateTime(n.fire_at)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </HealthCard>
  );
}
