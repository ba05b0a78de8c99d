"use client";

// The org's connections, a page at a time, with each wrapper's live status, pid and last
// heartbeat. Admins delete with the typed-name dialog, which names the pipelines using the
// connection; members see why they cannot.
import { useEffect, useId, useState } from "react";
import { errorMessage } from "@/components/api-client";
import { CONNECTION_DELETE_REFUSED } from "@/components/pipelines/permissions";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { showToast } from "@/components/ui/toast";
import { useDeleteResource, useResources, PAGE_SIZE, type Resource } from "./use-resources";
import { ResourceUsageNote } from "./resource-usage";
import { WrapperBadge } from "./wrapper-badge";

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function ago(iso: string | null, now: number): string {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function ResourcesTable({ org, isAdmin }: { org: string; isAdmin: boolean }) {
  const [skip, setSkip] = useState(0);
  const resources = useResources(org, { skip });
  const remove = useDeleteResource(org);
  const [deleting, setDeleting] = useState<Resource | null>(null);
  const now = useNow(5000);
  const whyId = useId();

  const rows = resources.data?.rows ?? [];
  function confirmDelete(reason: string) {
    if (!deleting) return;
    const target = deleting;
    remove.mutate(
      { id: target.id, reason },
      {
        onSuccess: () => {
          setDeleting(null);
          showToast(`Connection ${target.name} was deleted.`);
        },
      },
    );
  }

  return (
    <section aria-labelledby="resources-heading" className="card">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-gray-200 px-4 py-3 sm:px-6">
        <h2 id="resources-heading" className="text-lg font-semibold">
          Connections
        </h2>
        {!isAdmin && (
          <p id={whyId} className="text-sm text-ink-muted" data-testid="resources-read-only">
            {CONNECTION_DELETE_REFUSED}
          </p>
        )}
      </div>
      <div className="px-4 sm:px-6">
        {resources.isPending ? (
          <Loading label="Loading connections…" />
        ) : resources.isError ? (
          <div className="py-4">
            <ErrorNotice title="Could not load the connections." error={resources.error} onRetry={() => void resources.refetch()} />
          </div>
        ) : rows.length === 0 ? (
          <EmptyState>
            {skip === 0 ? "No connections yet. Create one above: a source to read from or a destination to write to." : "This page is empty now: go to the previous one."}
          </EmptyState>
        ) : (
          <table className="w-full table-fixed text-left text-sm" data-testid="resources-table">
            <thead className="text-xs uppercase tracking-wide text-ink-faint">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="hidden w-28 py-2 pr-3 font-medium md:table-cell">Kind</th>
                <th scope="col" className="hidden w-28 py-2 pr-3 font-medium md:table-cell">Connector</th>
                <th scope="col" className="w-32 py-2 pr-3 font-medium">Wrapper</th>
                <th scope="col" className="hidden w-20 py-2 pr-3 font-medium lg:table-cell">PID</th>
                <th scope="col" className="hidden w-32 py-2 pr-3 font-medium sm:table-cell">Heartbeat</th>
                <th scope="col" className="w-20 py-2 text-right font-medium sm:w-24">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((resource) => (
                <tr key={resource.id} data-testid="resource-row" data-name={resource.name}>
                  <td className="py-3 pr-3 align-top">
                    <div className="break-words font-medium">{resource.name}</div>
                    <div className="break-words text-xs text-ink-muted md:hidden">
                      {resource.kind} · {resource.connector}
                    </div>
                    <div className="truncate font-mono text-xs text-ink-faint" title={resource.id}>
                      {resource.id}
                    </div>
                  </td>
                  <td className="hidden py-3 pr-3 align-top md:table-cell">{resource.kind}</td>
                  <td className="hidden py-3 pr-3 align-top md:table-cell">{resource.connector}</td>
                  <td className="py-3 pr-3 align-top">
                    <WrapperBadge wrapper={resource.wrapper} />
                    {resource.wrapper && (
                      <div className="mt-1 text-xs text-ink-muted sm:hidden">
                        {resource.wrapper.pid !== null && <>pid {resource.wrapper.pid} · </>}
                        {ago(resource.wrapper.heartbeat_at, now)}
                      </div>
                    )}
                  </td>
                  <td className="hidden py-3 pr-3 align-top font-mono tabular-nums lg:table-cell" data-testid="wrapper-pid">
                    {resource.wrapper?.pid ?? "—"}
                  </td>
                  <td
                    className="hidden py-3 pr-3 align-top text-ink-muted sm:table-cell"
                    title={resource.wrapper?.heartbeat_at ?? undefined}
                    data-testid="wrapper-heartbeat"
                  >
                    {resource.wrapper ? ago(resource.wrapper.heartbeat_at, now) : "—"}
                  </td>
                  <td className="py-2 text-right align-top">
                    <button
                      type="button"
                      className="btn-secondary py-1"
                      disabled={!isAdmin}
                      aria-describedby={isAdmin ? undefined : whyId}
                      onClick={() => {
                        remove.reset();
                        setDeleting(resource);
                      }}
                      data-testid="delete-resource"
                    >
                      Delete<span className="sr-only"> {resource.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {resources.data && (skip > 0 || resources.data.hasNext) && (
        <nav aria-label="Connection pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-gray-200 px-4 py-3 text-sm sm:px-6">
          <span className="text-ink-muted" data-testid="resources-range">
            {rows.length === 0 ? "No more connections" : `Connections ${skip + 1}–${skip + rows.length}`}
          </span>
          <div className="flex gap-2">
            <button type="button" className="btn-secondary py-1" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - PAGE_SIZE))} data-testid="resources-previous">
              Previous
            </button>
            <button type="button" className="btn-secondary py-1" disabled={!resources.data.hasNext} onClick={() => setSkip(skip + PAGE_SIZE)} data-testid="resources-next">
              Next
            </button>
          </div>
        </nav>
      )}
      <TypedConfirmDialog
        open={deleting !== null}
        title={`Delete connection ${deleting?.name ?? ""}?`}
        consequence={
          <div className="space-y-3">
            <p>
              The connection is removed from every list and cannot be restored
              {deleting?.wrapper ? "; its wrapper process is stopped" : ""}. The data it points at is not touched.
            </p>
            {deleting && <ResourceUsageNote org={org} resourceId={deleting.id} />}
          </div>
        }
        name={deleting?.name ?? ""}
        verb="Delete"
        reasonLabel="Reason (optional, kept in the audit log)"
        pending={remove.isPending}
        error={remove.isError ? `Could not delete it: ${errorMessage(remove.error)}` : null}
        onCancel={() => setDeleting(null)}
        onConfirm={confirmDelete}
        testId="delete-resource-dialog"
      />
    </section>
  );
}
