"use client";

// /pipelines: search, filter, sort and page through the org's pipelines (all on the server),
// pause or resume one, or select several for a bulk action. The view lives in the URL, so a
// reload or a shared link shows the same page: filters, order, cursor and the page's number.
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useMe, type Me } from "@/components/console/use-me";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { PIPELINE_TYPE_LABELS } from "@/components/labels";
import { PIPELINE_TYPES } from "@/lib/vocabulary";
import { BulkActions } from "./bulk-actions";
import { Pager } from "./pager";
import { PipelinesTable } from "./pipelines-table";
import type { SelectedPipeline } from "./types";
import { cursorOf, PAGE_SIZE, usePipelineList, type PipelineListParams } from "./use-pipelines";

/** The list's own path: the URL is written only while the browser is still on it. */
const LIST_PATH = "/pipelines";

const SEARCH_DELAY_MS = 300;

export function PipelinesPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;
  return <PipelinesView me={me.data} />;
}

type UrlChange = Partial<Record<"search" | "type" | "active" | "ordering" | "cursor" | "page", string | null>>;

function useListParams(): PipelineListParams {
  const searchParams = useSearchParams();
  return {
    search: searchParams.get("search") ?? "",
    type: searchParams.get("type") ?? "",
    active: searchParams.get("active") ?? "",
    ordering: searchParams.get("ordering") ?? "",
    cursor: searchParams.get("cursor") ?? "",
    page: searchParams.get("page") ?? "",
  };
}

/** The page number the URL names: 1 when it names none (or nonsense). */
function pageNumberOf(params: PipelineListParams): number {
  const page = Number(params.page);
  return Number.isSafeInteger(page) && page > 1 ? page : 1;
}

/**
 * Changes the view in the URL through the history API: the page stays, the list refetches. A
 * new cursor without a page number (a filter or an order changed) starts again at page 1.
 */
function writeUrl(update: UrlChange, push = false) {
  const next = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(update)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  if ("cursor" in update && !("page" in update)) next.delete("page");
  const query = next.toString();
  window.history[push ? "pushState" : "replaceState"](null, "", query ? `?${query}` : window.location.pathname);
}

function PipelinesView({ me }: { me: Me }) {
  const org = me.org;
  const params = useListParams();
  const list = usePipelineList(org, params);
  const [searchText, setSearchText] = useState(params.search);
  const [selected, setSelected] = useState<Map<string, SelectedPipeline>>(new Map());

  const pendingSearch = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Typing waits for a pause before the list is asked again.
  useEffect(() => {
    if (searchText.trim() === params.search) return;
    const timer = setTimeout(() => {
      pendingSearch.current = null;
      // Still here? A link clicked meanwhile may be loading its page, and writing the URL now
      // would bring the user back to the list (Next.js follows history.replaceState).
      if (window.location.pathname !== LIST_PATH) return;
      setSelected(new Map());
      writeUrl({ search: searchText.trim(), cursor: null });
    }, SEARCH_DELAY_MS);
    pendingSearch.current = timer;
    return () => {
      clearTimeout(timer);
      pendingSearch.current = null;
    };
  }, [searchText, params.search]);

  // A click on any link away from the list (a row, the navigation) drops the search still
  // waiting: the old page stays mounted until the new one has loaded, and its timer would fire.
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || !pendingSearch.current) return;
      const target = new URL((link as HTMLAnchorElement).href, window.location.href);
      if (target.pathname === LIST_PATH) return;
      clearTimeout(pendingSearch.current);
      pendingSearch.current = null;
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

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
        <FiltersDisclosure active={(params.type ? 1 : 0) + (params.active ? 1 : 0)} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="sm:w-40">
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
          <div>
            <label htmlFor="pipelines-status" className="label">
              Status
            </label>
            {/* As wide as its longest choice: "Active and paused" is never cut. */}
            <select
              id="pipelines-status"
              className="input sm:w-auto"
              value={params.active}
              onChange={(event) => update({ active: event.target.value, cursor: null })}
              data-testid="pipelines-status"
            >
              <option value="">Active and paused</option>
              <option value="true">Active</option>
              <option value="false">Paused</option>
            </select>
          </div>
        </FiltersDisclosure>
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
            page={pageNumberOf(params)}
            pageSize={PAGE_SIZE}
            total={data.count}
            previous={cursorOf(data.previous)}
            next={data.next_cursor}
            onPage={({ cursor, page }) => update({ cursor, page: page > 1 ? String(page) : null }, true)}
          />
        </>
      ) : null}
    </div>
  );
}
