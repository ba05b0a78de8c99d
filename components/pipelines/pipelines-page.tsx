"use client";

// /pipelines: search, filter, sort and page through the org's pipelines (all on the server),
// pause or resume one, or select several for a bulk action. The view lives in the URL, so a
// reload or a shared link shows the same page.
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useMe, type Me } from "@/components/console/use-me";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { PIPELINE_TYPE_LABELS } from "@/components/labels";
import { PIPELINE_TYPES } from "@/lib/vocabulary";
import { BulkActions } from "./bulk-actions";
import { PipelinesTable } from "./pipelines-table";
import type { SelectedPipeline } from "./types";
import { cursorOf, PAGE_SIZE, usePipelineList, type PipelineListParams } from "./use-pipelines";

const SEARCH_DELAY_MS = 300;

export function PipelinesPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;
  return <PipelinesView me={me.data} />;
}

type UrlChange = Partial<Record<"search" | "type" | "active" | "ordering" | "cursor", string | null>>;

function useListParams(): PipelineListParams {
  const searchParams = useSearchParams();
  return {
    search: searchParams.get("search") ?? "",
    type: searchParams.get("type") ?? "",
    active: searchParams.get("active") ?? "",
    ordering: searchParams.get("ordering") ?? "",
    cursor: searchParams.get("cursor") ?? "",
  };
}

/** Changes the view in the URL through the history API: the page stays, the list refetches. */
function writeUrl(update: UrlChange, push = false) {
  const next = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(update)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  const query = next.toString();
  window.history[push ? "pushState" : "replaceState"](null, "", query ? `?${query}` : window.location.pathname);
}

function PipelinesView({ me }: { me: Me }) {
  const org = me.org;
  const params = useListParams();
  const list = usePipelineList(org, params);
  const [searchText, setSearchText] = useState(params.search);
  const [selected, setSelected] = useState<Map<string, SelectedPipeline>>(new Map());

  // Typing waits for a pause before the list is asked again.
  useEffect(() => {
    if (searchText.trim() === params.search) return;
    const timer = setTimeout(() => {
      setSelected(new Map());
      writeUrl({ search: searchText.trim(), cursor: null });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, params.search]);

  function update(change: UrlChange, push = false) {
    setSelected(new Map());
    writeUrl(change, push);
  }

  const filtered = params.search !== "" || params.type !== "" || params.active !== "";
  const data = list.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Pipelines</h1>
          <p className="mt-1 text-sm text-ink-muted" data-testid="pipelines-count">
            {data ? `${data.count} ${data.count === 1 ? "pipeline" : "pipelines"}${filtered ? " match" : ""}` : "\u00a0"}
          </p>
        </div>
        <Link href="/pipelines/new" className="btn-primary" data-testid="new-pipeline">
          New pipeline
        </Link>
      </div>

      <form role="search" className="card flex flex-col gap-3 p-4 sm:flex-row sm:items-end" aria-label="Filter pipelines" onSubmit={(event) => {
          event.preventDefault();
          update({ search: searchText.trim(), cursor: null });
        }}
      >
        <div className="flex-1">
          <label htmlFor="pipelines-search" className="label">
            Search by name
          </label>
          <input
            id="pipelines-search"
            type="search"
            className="input"
            placeholder="e.g. nightly"
            autoComplete="off"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            data-testid="pipelines-search"
          />
        </div>
        <div className="sm:w-48">
          <label htmlFor="pipelines-type" className="label">
            Type
          </label>
          <select
            id="pipelines-type"
            className="input"
            value={params.type}
            onChange={(event) => update({ type: event.target.value, cursor: null })}
            data-testid="pipelines-type"
          >
            <option value="">All types</option>
            {PIPELINE_TYPES.map((type) => (
              <option key={type} value={type}>
                {PIPELINE_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:w-40">
          <label htmlFor="pipelines-status" className="label">
            Status
          </label>
          <select
            id="pipelines-status"
            className="input"
            value={params.active}
            onChange={(event) => update({ active: event.target.value, cursor: null })}
            data-testid="pipelines-status"
          >
            <option value="">Active and paused</option>
            <option value="true">Active</option>
            <option value="false">Paused</option>
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setSearchText("");
              update({ search: null, type: null, active: null, cursor: null });
            }}
          >
            Clear filters
          </button>
        )}
      </form>

      <BulkActions org={org} me={me} selected={selected} rows={data?.results ?? []} onClear={() => setSelected(new Map())} onDone={() => setSelected(new Map())} />

      {list.isPending ? (
        <Loading label="Loading pipelines…" />
      ) : list.isError && !data ? (
        <ErrorNotice title="Could not load the pipelines." error={list.error} onRetry={() => void list.refetch()} />
      ) : data && data.results.length === 0 ? (
        <div className="card">
          {filtered ? (
            <EmptyState>No pipelines match these filters.</EmptyState>
          ) : (
            <div className="flex flex-col items-center gap-3 px-4 py-10 text-center" data-testid="empty">
              <p className="text-lg font-medium">No pipelines yet</p>
              <p className="text-sm text-ink-muted">A pipeline moves records from a source to a destination, by hand or on a schedule.</p>
              <Link href="/pipelines/new" className="btn-primary">
                New pipeline
              </Link>
            </div>
          )}
        </div>
      ) : data ? (
        <>
          {list.isError && (
            <ErrorNotice title="Could not refresh the pipelines; showing the last list." error={list.error} onRetry={() => void list.refetch()} />
          )}
          <PipelinesTable
            org={org}
            me={me}
            pipelines={data.results}
            loading={list.isPlaceholderData}
            ordering={params.ordering}
            onOrder={(ordering) => update({ ordering, cursor: null })}
            selected={selected}
            onSelect={setSelected}
          />
          <Pager
            previous={cursorOf(data.previous)}
            next={data.next_cursor}
            shown={data.results.length}
            total={data.count}
            onPage={(cursor) => update({ cursor }, true)}
          />
        </>
      ) : null}
    </div>
  );
}

interface PagerProps {
  previous: string | null;
  next: string | null;
  shown: number;
  total: number;
  onPage: (cursor: string | null) => void;
}

function Pager({ previous, next, shown, total, onPage }: PagerProps) {
  // The list answers a previous link everywhere but on the first page.
  const canGoBack = previous !== null;
  if (!next && !canGoBack) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3" data-testid="pager">
      <button type="button" className="btn-secondary" disabled={!canGoBack} title={canGoBack ? undefined : "This is the first page."} onClick={() => onPage(previous)} data-testid="page-previous">
        Previous
      </button>
      <span className="text-center text-sm text-ink-muted">
        {shown} of {total} shown, {PAGE_SIZE} a page
      </span>
      <button type="button" className="btn-secondary" disabled={!next} title={next ? undefined : "This is the last page."} onClick={() => onPage(next)} data-testid="page-next">
        Next
      </button>
    </nav>
  );
}
