"use client";

// The pipelines of one page: a table from md up; below that each row stacks into a card with
// its facts labelled, so nothing needs sideways scrolling on a phone.
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import type { Me } from "@/components/console/use-me";
import { formatDateTime } from "@/components/format";
import { PIPELINE_TYPE_LABELS } from "@/components/labels";
import type { PipelineOrdering } from "@/lib/vocabulary";
import { ActiveSwitch } from "./active-switch";
import { DeletingBadge, PausedBadge } from "./pause-badges";
import { CHANGE_REFUSED, canChangePipeline } from "./permissions";
import { RunPills } from "./run-pills";
import { LiveStorageBadge } from "./storage-badge";
import type { Pipeline, SelectedPipeline } from "./types";
import { sinceInWords, timeInWords } from "./time-words";
import { useNow } from "./use-now";

const REFUSAL_ID = "pipelines-change-refusal";

/** The API's default order is the last run, newest first. */
const DEFAULT_ORDERING = "-last_run_time";

const ORDER_LABELS: Record<string, string> = {
  pipeline_name: "Name, A to Z",
  "-pipeline_name": "Name, Z to A",
  "-created_at": "Created, newest first",
  created_at: "Created, oldest first",
  "-last_run_time": "Last run, newest first",
  last_run_time: "Last run, oldest first",
  "-run_count": "Runs, most first",
  run_count: "Runs, fewest first",
};

interface PipelinesTableProps {
  org: string;
  me: Me;
  pipelines: Pipeline[];
  /** True while the next page or order is loading (the old rows stay until then). */
  loading: boolean;
  ordering: string;
  onOrder: (ordering: string) => void;
  selected: Map<string, SelectedPipeline>;
  onSelect: (selected: Map<string, SelectedPipeline>) => void;
}

export function PipelinesTable({ org, me, pipelines, loading, ordering, onOrder, selected, onSelect }: PipelinesTableProps) {
  const now = useNow();
  const current = ordering || DEFAULT_ORDERING;
  const allSelected = pipelines.length > 0 && pipelines.every((p) => selected.has(p.id));
  const someSelected = pipelines.some((p) => selected.has(p.id));
  const anyRefused = pipelines.some((p) => !canChangePipeline(p, me));

  function toggle(pipeline: Pipeline, on: boolean) {
    const next = new Map(selected);
    if (on) next.set(pipeline.id, pipeline);
    else next.delete(pipeline.id);
    onSelect(next);
  }

  function toggleAll(on: boolean) {
    const next = new Map(selected);
    for (const p of pipelines) {
      if (on) next.set(p.id, p);
      else next.delete(p.id);
    }
    onSelect(next);
  }

  return (
    <div className="card" aria-busy={loading || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 px-4 py-3 md:hidden">
        <label className="flex items-center gap-2 text-sm">
          <SelectAll checked={allSelected} indeterminate={!allSelected && someSelected} onChange={toggleAll} />
          Select all
        </label>
        <div className="flex items-center gap-2">
          <label htmlFor="pipelines-order" className="text-sm font-medium">
            Sort
          </label>
          <select id="pipelines-order" className="input w-auto py-1.5" value={current} onChange={(event) => onOrder(event.target.value)}>
            {Object.entries(ORDER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {anyRefused && (
        <p id={REFUSAL_ID} className="border-b border-gray-200 px-4 py-2 text-sm text-ink-muted" data-testid="change-refusal">
          {CHANGE_REFUSED} You can pause or resume only the pipelines you own.
        </p>
      )}
      <table className={`block w-full text-left text-sm md:table ${loading ? "opacity-60" : ""}`} data-testid="pipelines-table">
        <caption className="sr-only">Pipelines, {ORDER_LABELS[current] ?? "in the default order"}</caption>
        <thead className="hidden text-xs uppercase tracking-wide text-ink-faint md:table-header-group">
          <tr className="border-b border-gray-200">
            <th scope="col" className="w-10 py-2 pl-4 pr-2 font-medium">
              <SelectAll checked={allSelected} indeterminate={!allSelected && someSelected} onChange={toggleAll} />
            </th>
            <SortHeader label="Name" field="pipeline_name" current={current} onOrder={onOrder} firstDesc={false} />
            <th scope="col" className="py-2 pr-3 font-medium">
              Last 5 runs
            </th>
            <SortHeader label="Last run" field="last_run_time" current={current} onOrder={onOrder} />
            <th scope="col" className="py-2 pr-3 font-medium">
              Next run
            </th>
            <SortHeader label="Runs" field="run_count" current={current} onOrder={onOrder} />
            <SortHeader label="Created" field="created_at" current={current} onOrder={onOrder} />
            <th scope="col" className="py-2 pr-3 font-medium">
              Storage
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Active
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-gray-100 md:table-row-group">
          {pipelines.map((pipeline) => {
            const refusal = canChangePipeline(pipeline, me) ? null : CHANGE_REFUSED;
            return (
              <tr
                key={pipeline.id}
                className={`flex flex-wrap items-start gap-x-3 gap-y-2 px-4 py-3 md:table-row md:px-0 md:py-0 ${
                  selected.has(pipeline.id) ? "bg-brand-50/60" : ""
                }`}
                data-testid="pipeline-row"
                data-name={pipeline.pipeline_name}
              >
                <td className="pt-0.5 md:w-10 md:py-3 md:pl-4 md:pr-2 md:align-top">
                  <input
                    type="checkbox"
                    className="h-4 w-4 rounded border-gray-300"
                    aria-label={`Select ${pipeline.pipeline_name}`}
                    checked={selected.has(pipeline.id)}
                    onChange={(event) => toggle(pipeline, event.target.checked)}
                    data-testid="select-pipeline"
                  />
                </td>
                <td className="w-[calc(100%-2.5rem)] min-w-0 md:w-auto md:max-w-[16rem] md:py-3 md:pr-3 md:align-top">
                  <Link
                    href={`/pipelines/${pipeline.id}`}
                    className="block truncate font-medium text-brand-700 hover:underline"
                    title={pipeline.pipeline_name}
                    data-testid="pipeline-link"
                  >
                    {pipeline.pipeline_name}
                  </Link>
                  <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-ink-muted">
                    <span className="rounded bg-surface-sunken px-1.5 py-0.5 font-medium" data-testid="pipeline-type">
                      {PIPELINE_TYPE_LABELS[pipeline.pipeline_type]}
                    </span>
                    <span className="truncate" title={pipeline.created_by_email}>
                      {pipeline.created_by === me.id ? "yours" : pipeline.created_by_email}
                    </span>
                  </div>
                </td>
                <Cell label="Last 5 runs">
                  <RunPills runs={pipeline.last_5_run_statuses} />
                </Cell>
                <Cell label="Last run">
                  {pipeline.last_run_time ? (
                    <span title={formatDateTime(pipeline.last_run_time)}>{sinceInWords(pipeline.last_run_time, now)}</span>
                  ) : (
                    <span className="text-ink-faint">never</span>
                  )}
                </Cell>
                <Cell label="Next run" testId="next-run">
                  {pipeline.next_run_time ? (
                    <span title={formatDateTime(pipeline.next_run_time)}>{timeInWords(pipeline.next_run_time, now)}</span>
                  ) : (
                    <span title={pipeline.active ? "No schedule" : "Paused"}>
                      <span aria-hidden>—</span>
                      <span className="sr-only">{pipeline.active ? "No schedule" : "None while paused"}</span>
                    </span>
                  )}
                </Cell>
                <Cell label="Runs" testId="run-count">
                  <span className="tabular-nums">{pipeline.run_count}</span>
                </Cell>
                <Cell label="Created">
                  <span className="whitespace-nowrap">{formatDateTime(pipeline.created_at)}</span>
                </Cell>
                <Cell label="Storage">
                  <LiveStorageBadge org={org} pipelineId={pipeline.id} status={pipeline.storage_status} runCount={pipeline.run_count} />
                </Cell>
                <Cell label="Active" last>
                  {pipeline.decommission ? (
                    <DeletingBadge org={org} pipeline={pipeline} />
                  ) : (
                    <span className="flex flex-wrap items-center gap-2">
                      <ActiveSwitch org={org} pipeline={pipeline} refusal={refusal} refusalId={refusal ? REFUSAL_ID : undefined} />
                      {!pipeline.active && <PausedBadge pipeline={pipeline} now={now} />}
                    </span>
                  )}
                </Cell>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ label, children, testId, last = false }: { label: string; children: ReactNode; testId?: string; last?: boolean }) {
  return (
    <td
      className={`flex w-[calc(50%-0.375rem)] flex-col items-start gap-0.5 md:table-cell md:w-auto md:py-3 md:align-top ${last ? "md:pr-4" : "md:pr-3"}`}
      data-testid={testId}
    >
      <span aria-hidden className="text-xs text-ink-faint md:hidden">
        {label}
      </span>
      {children}
    </td>
  );
}

function SelectAll({ checked, indeterminate, onChange }: { checked: boolean; indeterminate: boolean; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="h-4 w-4 rounded border-gray-300"
      aria-label="Select every pipeline on this page"
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

interface SortHeaderProps {
  label: string;
  field: PipelineOrdering;
  current: string;
  onOrder: (ordering: string) => void;
  /** The first click's direction: names start A to Z, numbers and times start with the most. */
  firstDesc?: boolean;
}

function SortHeader({ label, field, current, onOrder, firstDesc = true }: SortHeaderProps) {
  const active = current === field || current === `-${field}`;
  const desc = current.startsWith("-");
  const sort = active ? (desc ? "descending" : "ascending") : "none";
  const nextOrdering = active ? (desc ? field : `-${field}`) : firstDesc ? `-${field}` : field;
  return (
    <th scope="col" aria-sort={sort} className="py-2 pr-3 font-medium">
      <button
        type="button"
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-ink"
        onClick={() => onOrder(nextOrdering)}
        data-testid={`sort-${field}`}
      >
        {label}
        <span aria-hidden className={active ? "text-ink" : "text-gray-300"}>
          {active ? (desc ? "↓" : "↑") : "↕"}
        </span>
        <span className="sr-only">, sort {ORDER_LABELS[nextOrdering] ?? ""}</span>
      </button>
    </th>
  );
}
