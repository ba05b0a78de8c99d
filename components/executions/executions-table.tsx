"use client";

// Runs, newest first: of one pipeline (with `pipelineId`: the §1 route, owner or admin only) or
// of the whole org. Filters by status and dates, pages by cursor, stops a pending or running
// run, and opens any run's log.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ApiError, errorMessage } from "@/components/api-client";
import { useMe, type Me } from "@/components/console/use-me";
import { formatCount, formatDateTime } from "@/components/format";
import { EXECUTIONS_REFUSED, canSeePipelineExecutions } from "@/components/pipelines/permissions";
import { StatusLine, type Outcome } from "@/components/pipelines/status-line";
import { durationInWords } from "@/components/pipelines/time-words";
import { useNow } from "@/components/pipelines/use-now";
import { usePipeline, usePipelineList } from "@/components/pipelines/use-pipelines";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from "@/lib/vocabulary";
import { ExecutionStatusBadge, isRunning, statusLook } from "./execution-status";
import { LogsDrawer, type LogsTarget } from "./logs-drawer";
import { TRIGGER_LABELS, triggerInWords } from "./trigger-words";
import { useExecutionPage, useStopExecution, type ExecutionFilters, type ExecutionRow } from "./use-executions";

export function ExecutionsTable({ pipelineId }: { pipelineId?: string }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;
  return pipelineId ? <PipelineExecutions me={me.data} pipelineId={pipelineId} /> : <OrgExecutions me={me.data} />;
}

/** The filters and the open run's log (`?run=`) live in the URL, so a view can be shared or linked to. */
const URL_NAMES = { status: "status", trigger: "triggered_by", pipelineId: "pipeline", startDate: "from", endDate: "to" } as const;

function OrgExecutions({ me }: { me: Me }) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = Object.fromEntries(Object.entries(URL_NAMES).map(([key, name]) => [key, search.get(name) ?? ""])) as unknown as ExecutionFilters;
  const run = search.get("run");

  function replace(change: Record<string, string>) {
    const next = new URLSearchParams(search.toString());
    for (const [name, value] of Object.entries(change)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  return (
    <ExecutionsView
      me={me}
      filters={filters}
      onFilters={(change) => replace(Object.fromEntries(Object.entries(change).map(([key, value]) => [URL_NAMES[key as keyof ExecutionFilters], value ?? ""])))}
      logsOf={run ? { id: run, status: "" } : null}
      onLogs={(target) => replace({ run: target?.id ?? "" })}
    />
  );
}

/** A pipeline's runs are the owner's and admins' to see (as §1 documents); others are told so. */
function PipelineExecutions({ me, pipelineId }: { me: Me; pipelineId: string }) {
  const pipeline = usePipeline(me.org, pipelineId);
  if (pipeline.isPending) return <Loading />;
  if (pipeline.isSuccess && !canSeePipelineExecutions(pipeline.data, me)) return <Refused />;
  return <LocalExecutions me={me} pipelineId={pipelineId} />;
}

/** One pipeline's runs keep their filters in the page (the pipeline page owns its URL). */
function LocalExecutions({ me, pipelineId }: { me: Me; pipelineId: string }) {
  const [filters, setFilters] = useState<ExecutionFilters>(NO_FILTERS);
  const [logsOf, setLogsOf] = useState<LogsTarget | null>(null);
  return (
    <ExecutionsView
      me={me}
      pipelineId={pipelineId}
      filters={filters}
      onFilters={(change) => setFilters((current) => ({ ...current, ...change }))}
      logsOf={logsOf}
      onLogs={setLogsOf}
    />
  );
}

function Refused() {
  return (
    <p className="card px-4 py-6 text-center text-sm text-ink-muted" data-testid="executions-refused">
      {EXECUTIONS_REFUSED}
    </p>
  );
}

const NO_FILTERS: ExecutionFilters = { status: "", trigger: "", pipelineId: "", startDate: "", endDate: "" };

interface ViewProps {
  me: Me;
  pipelineId?: string;
  filters: ExecutionFilters;
  onFilters: (change: Partial<ExecutionFilters>) => void;
  logsOf: LogsTarget | null;
  onLogs: (target: LogsTarget | null) => void;
}

function ExecutionsView({ me, pipelineId, filters, onFilters, logsOf, onLogs: setLogsOf }: ViewProps) {
  const org = me.org;
  const [cursor, setCursor] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const page = useExecutionPage(org, pipelineId, filters, cursor);
  const now = useNow(5_000);
  const orgWide = !pipelineId;
  const badDates = filters.startDate !== "" && filters.endDate !== "" && filters.startDate > filters.endDate;

  function filter(change: Partial<ExecutionFilters>) {
    onFilters(change);
    setCursor("");
  }

  if (page.isError && page.error instanceof ApiError && page.error.status === 403) return <Refused />;

  const rows = page.data?.rows ?? [];
  const filtered = Object.values(filters).some((value) => value !== "");

  return (
    <section aria-labelledby={pipelineId ? "executions-heading" : undefined} aria-label={pipelineId ? undefined : "Executions"} className="space-y-3">
      {pipelineId && (
        <h2 id="executions-heading" className="text-lg font-semibold">
          Executions
        </h2>
      )}
      <FiltersDisclosure active={[filters.status, filters.pipelineId, filters.trigger, filters.startDate, filters.endDate].filter((v) => v !== "").length}>
        <form
          className={`card grid grid-cols-2 gap-3 p-4 sm:items-end ${orgWide ? "sm:grid-cols-[1fr_1fr_1fr_1fr_1fr_auto]" : "sm:grid-cols-[1fr_1fr_1fr_auto]"}`}
          aria-label="Filter executions"
          onSubmit={(event) => event.preventDefault()}
        >
          <div className="col-span-2 sm:col-span-1">
            <label htmlFor="executions-status" className="label">
              Status
            </label>
            <select
              id="executions-status"
              className="input"
              value={filters.status}
              onChange={(event) => filter({ status: event.target.value })}
              data-testid="executions-status"
            >
              <option value="">All statuses</option>
              {EXECUTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLook(status).label}
                </option>
              ))}
            </select>
          </div>
          {orgWide && (
            <>
              <PipelineFilter key={filters.pipelineId === "" ? "all" : "one"} org={org} pipelineId={filters.pipelineId} onPick={(id) => filter({ pipelineId: id })} />
              <div>
                <label htmlFor="executions-trigger" className="label">
                  Triggered by
                </label>
                <select
                  id="executions-trigger"
                  className="input"
                  value={filters.trigger}
                  onChange={(event) => filter({ trigger: event.target.value })}
                  data-testid="executions-trigger"
                >
                  <option value="">Anyone</option>
                  {EXECUTION_TRIGGERS.map((trigger) => (
                    <option key={trigger} value={trigger}>
                      {TRIGGER_LABELS[trigger]}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          <div>
            <label htmlFor="executions-from" className="label">
              From
            </label>
            <input
              id="executions-from"
              type="date"
              className="input"
              value={filters.startDate}
              max={filters.endDate || undefined}
              onChange={(event) => filter({ startDate: event.target.value })}
              aria-describedby={badDates ? "executions-dates-error" : undefined}
            />
          </div>
          <div>
            <label htmlFor="executions-to" className="label">
              To
            </label>
            <input
              id="executions-to"
              type="date"
              className="input"
              value={filters.endDate}
              min={filters.startDate || undefined}
              onChange={(event) => filter({ endDate: event.target.value })}
              aria-describedby={badDates ? "executions-dates-error" : undefined}
            />
          </div>
          {filtered ? (
            <button type="button" className="btn-secondary col-span-2 sm:col-span-1" onClick={() => filter(NO_FILTERS)}>
              Clear filters
            </button>
          ) : (
            <span aria-hidden className="hidden sm:block" />
          )}
          {badDates && (
            <p id="executions-dates-error" role="alert" className={`col-span-2 text-sm text-bad ${orgWide ? "sm:col-span-6" : "sm:col-span-4"}`}>
              “From” is after “To”: no run can match.
            </p>
          )}
          <p className={`col-span-2 text-xs text-ink-faint ${orgWide ? "sm:col-span-6" : "sm:col-span-4"}`}>Dates are whole days in UTC.</p>
        </form>
      </FiltersDisclosure>

      <StatusLine outcome={outcome} testId="executions-status-line" />

      {page.isPending ? (
        <Loading label="Loading executions…" />
      ) : page.isError && !page.data ? (
        <ErrorNotice title="Could not load the executions." error={page.error} onRetry={() => void page.refetch()} />
      ) : rows.length === 0 ? (
        <div className="card">
          <EmptyState>{filtered ? "No runs match these filters." : pipelineId ? "This pipeline has not run yet." : "No runs yet."}</EmptyState>
        </div>
      ) : (
        <div className="card" aria-busy={page.isPlaceholderData || undefined}>
          <table className={`block w-full text-left text-sm md:table ${page.isPlaceholderData ? "opacity-60" : ""}`} data-testid="executions-table">
            <thead className="hidden text-xs uppercase tracking-wide text-ink-faint md:table-header-group">
              <tr className="border-b border-gray-200">
                <th scope="col" className="py-2 pl-4 pr-3 font-medium">Started</th>
                {orgWide && <th scope="col" className="py-2 pr-3 font-medium">Pipeline</th>}
                <th scope="col" className="py-2 pr-3 font-medium">Triggered by</th>
                <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                <th scope="col" className="py-2 pr-3 font-medium">Duration</th>
                <th scope="col" className="py-2 pr-3 font-medium">Records ok / failed</th>
                <th scope="col" className="py-2 pr-3 font-medium">Attempts</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-gray-100 md:table-row-group">
              {rows.map((row) => (
                <ExecutionRowView
                  key={row.id}
                  org={org}
                  row={row}
                  now={now}
                  orgWide={orgWide}
                  onLogs={() => setLogsOf({ id: row.id, pipeline_name: row.pipeline_name, status: row.status })}
                  onOutcome={setOutcome}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {page.data && (page.data.next || page.data.previous || cursor) && (
        <nav aria-label="Execution pages" className="flex items-center justify-between gap-3">
          <button
            type="button"
            className="btn-secondary"
            disabled={!cursor}
            title={cursor ? undefined : "These are the newest runs."}
            onClick={() => setCursor(page.data?.previous ?? "")}
            data-testid="executions-previous"
          >
            Newer
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={!page.data.next}
            title={page.data.next ? undefined : "There are no older runs."}
            onClick={() => setCursor(page.data?.next ?? "")}
            data-testid="executions-next"
          >
            Older
          </button>
        </nav>
      )}

      <LogsDrawer org={org} execution={logsOf} onClose={() => setLogsOf(null)} />
    </section>
  );
}

interface RowProps {
  org: string;
  row: ExecutionRow;
  now: number;
  orgWide: boolean;
  onLogs: () => void;
  onOutcome: (outcome: Outcome) => void;
}

function ExecutionRowView({ org, row, now, orgWide, onLogs, onOutcome }: RowProps) {
  const stop = useStopExecution(org);
  const running = isRunning(row.status);
  const started = row.started_at ?? row.created_at;
  const seconds =
    row.execution_time ?? (row.status === "EXECUTING" && row.started_at ? (now - new Date(row.started_at).getTime()) / 1000 : null);

  return (
    <tr className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3 md:table-row md:px-0 md:py-0" data-testid="execution-row" data-status={row.status}>
      <td className="basis-full font-medium md:table-cell md:py-3 md:pl-4 md:pr-3 md:font-normal">
        <time dateTime={started}>{formatDateTime(started)}</time>
      </td>
      {orgWide && (
        <Cell label="Pipeline">
          <Link href={`/pipelines/${row.pipeline_id}`} className="break-all font-medium text-brand-700 hover:underline">
            {row.pipeline_name ?? row.pipeline_id}
          </Link>
        </Cell>
      )}
      <Cell label="Triggered by">
        <span className="break-all" data-testid="execution-trigger">
          {triggerInWords(row.triggered_by)}
        </span>
      </Cell>
      <Cell label="Status">
        <span className="flex flex-col items-end gap-0.5 md:items-start">
          <ExecutionStatusBadge status={row.status} />
          {row.error_message && (
            <span className="max-w-[16rem] break-words text-xs text-bad" title={row.error_message}>
              {row.error_message}
            </span>
          )}
        </span>
      </Cell>
      <Cell label="Duration">
        <span className="tabular-nums">{running && seconds === null ? "—" : durationInWords(seconds)}</span>
      </Cell>
      <Cell label="Records ok / failed">
        <span className="tabular-nums" data-testid="execution-records">
          <span className="text-ok">{formatCount(row.successful_files)}</span> /{" "}
          <span className={row.failed_files ? "text-bad" : ""}>{formatCount(row.failed_files)}</span>
        </span>
      </Cell>
      <Cell label="Attempts">
        <span className="tabular-nums">{row.attempts}</span>
      </Cell>
      <td className="flex basis-full justify-end gap-2 pt-1 md:table-cell md:py-2 md:pr-4 md:text-right">
        <span className="inline-flex gap-2">
          {running && (
            <button
              type="button"
              className="btn-secondary py-1"
              disabled={stop.isPending}
              onClick={() =>
                stop.mutate(row, {
                  onSuccess: (execution) =>
                    onOutcome({
                      text: execution.status === "STOPPED" ? "The run was stopped." : "Stop requested: the run stops at its next batch.",
                      ok: true,
                    }),
                  onError: (error) => onOutcome({ text: `Could not stop the run: ${errorMessage(error)}`, ok: false }),
                })
              }
              data-testid="stop-execution"
            >
              {stop.isPending ? "Stopping…" : "Stop"}
              <span className="sr-only"> the run started {formatDateTime(started)}</span>
            </button>
          )}
          <button type="button" className="btn-secondary py-1" onClick={onLogs} data-testid="open-logs">
            Logs<span className="sr-only"> of the run started {formatDateTime(started)}</span>
          </button>
        </span>
      </td>
    </tr>
  );
}

/**
 * The pipeline filter: type to search the pipelines by name (the §1 list's search), pick one
 * from the suggestions; an empty box shows every pipeline's runs.
 */
function PipelineFilter({ org, pipelineId, onPick }: { org: string; pipelineId: string; onPick: (id: string) => void }) {
  const [text, setText] = useState<string | null>(null);
  const chosen = usePipeline(org, pipelineId, { enabled: pipelineId !== "" });
  const shown = text ?? (pipelineId ? (chosen.data?.pipeline_name ?? "") : "");
  const list = usePipelineList(org, { search: shown, type: "", active: "", ordering: "pipeline_name", cursor: "", page: "" });
  const names = list.data?.results ?? [];

  function change(value: string) {
    setText(value);
    const match = names.find((p) => p.pipeline_name === value);
    if (match) onPick(match.id);
    else if (value === "" && pipelineId) onPick("");
  }

  return (
    <div>
      <label htmlFor="executions-pipeline" className="label">
        Pipeline
      </label>
      <input
        id="executions-pipeline"
        className="input"
        list="executions-pipeline-names"
        placeholder="All pipelines"
        autoComplete="off"
        value={shown}
        onChange={(event) => change(event.target.value)}
        data-testid="executions-pipeline"
      />
      <datalist id="executions-pipeline-names">
        {names.map((p) => (
          <option key={p.id} value={p.pipeline_name} />
        ))}
      </datalist>
    </div>
  );
}

function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="flex basis-full items-center justify-between gap-3 md:table-cell md:py-3 md:pr-3">
      <span aria-hidden className="text-xs text-ink-faint md:hidden">
        {label}
      </span>
      {children}
    </td>
  );
}
