"use client";

// One page of the audit log: when, who, what, to which object, and why; newer and older pages
// by cursor. A deletion that kept its pipeline's configuration can be recreated from its row.
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { AUDIT_ACTION_LABELS, labelOf } from "@/components/labels";
import { snapshotOf } from "@/components/pipelines/config-document";
import { useConfirmStep } from "@/components/ui/confirm-inline";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { AUDIT_OBJECT_TYPES } from "./audit-vocabulary";
import { RecreateButton, RecreatePanel } from "./recreate-pipeline";
import { useAudit, useExistingPipelines, type AuditEvent, type AuditFilters } from "./use-audit";

interface AuditTableProps {
  org: string;
  filters: AuditFilters;
  cursor: string | null;
  onCursor: (cursor: string | null) => void;
  filtered: boolean;
}

const typeLabel = (type: string) => AUDIT_OBJECT_TYPES.find((t) => t.value === type)?.label ?? type;

function ObjectCell({ event, exists }: { event: AuditEvent; exists: boolean }) {
  const label = event.object_name ?? event.object_id;
  return (
    <div className="min-w-0">
      <div className="text-xs text-ink-faint">{typeLabel(event.object_type)}</div>
      {event.object_type === "pipeline" && exists ? (
        <Link href={`/pipelines/${event.object_id}`} className="block truncate font-medium text-brand-700 hover:underline" title={label} data-testid="audit-object-link">
          {label}
        </Link>
      ) : (
        <div className="truncate font-medium" title={label} data-testid="audit-object-name">
          {label}
        </div>
      )}
      {event.object_name && (
        <div className="truncate font-mono text-xs text-ink-faint" title={event.object_id}>
          {event.object_id}
        </div>
      )}
    </div>
  );
}

const COLUMNS = 5;

function AuditRow({ org, event, exists }: { org: string; event: AuditEvent; exists: boolean }) {
  const snapshot = event.action === "pipeline.delete" ? snapshotOf(event.details) : null;
  const { confirming, openerRef, open, cancel } = useConfirmStep();
  const panelId = `recreate-${event.id}`;
  return (
    <>
      <tr data-testid="audit-row" data-event-id={event.id} data-action={event.action} data-object-id={event.object_id}>
        <td className="py-3 pr-3 align-top text-ink-muted">
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          <span className="mt-1 block text-xs text-ink sm:hidden" title={event.action}>
            {labelOf(AUDIT_ACTION_LABELS, event.action)}
          </span>
        </td>
        <td className="hidden truncate py-3 pr-3 align-top md:table-cell" title={event.actor} data-testid="audit-actor-cell">
          {event.actor}
        </td>
        <td className="hidden py-3 pr-3 align-top sm:table-cell">
          <span className="inline-block max-w-full truncate rounded bg-surface-sunken px-1.5 py-0.5 text-xs" title={event.action} data-testid="audit-action-label">
            {labelOf(AUDIT_ACTION_LABELS, event.action)}
          </span>
        </td>
        <td className="py-3 pr-3 align-top">
          <ObjectCell event={event} exists={exists} />
          <div className="mt-1 truncate text-xs text-ink-muted md:hidden" title={event.actor}>
            by {event.actor}
          </div>
          {event.reason && (
            <div className="mt-1 break-words text-xs text-ink lg:hidden" data-testid="audit-reason-narrow">
              “{event.reason}”
            </div>
          )}
          {snapshot && (
            <RecreateButton
              ref={openerRef}
              name={event.object_name ?? snapshot.pipeline_name}
              open={confirming}
              panelId={panelId}
              onClick={confirming ? cancel : open}
            />
          )}
        </td>
        <td className="hidden break-words py-3 align-top lg:table-cell" data-testid="audit-reason">
          {event.reason ?? <span className="text-ink-faint">—</span>}
        </td>
      </tr>
      {snapshot && confirming && (
        <tr>
          <td colSpan={COLUMNS} className="pb-3">
            <RecreatePanel id={panelId} org={org} event={event} snapshot={snapshot} onClose={cancel} />
          </td>
        </tr>
      )}
    </>
  );
}

export function AuditTable({ org, filters, cursor, onCursor, filtered }: AuditTableProps) {
  const audit = useAudit(org, filters, cursor);
  const events = audit.data?.results ?? [];
  const deletedHere = new Set(events.filter((e) => e.action === "pipeline.delete").map((e) => e.object_id));
  const pipelineIds = [...new Set(events.filter((e) => e.object_type === "pipeline" && !deletedHere.has(e.object_id)).map((e) => e.object_id))];
  const existing = useExistingPipelines(org, pipelineIds);

  return (
    <section aria-labelledby="audit-heading" className="card" aria-busy={audit.isFetching}>
      <h2 id="audit-heading" className="border-b border-gray-200 px-4 py-3 text-lg font-semibold sm:px-6">
        Events
      </h2>
      <div className="px-4 sm:px-6">
        {audit.isPending ? (
          <Loading label="Loading the audit log…" />
        ) : audit.isError ? (
          <div className="py-4">
            <ErrorNotice title="Could not load the audit log." error={audit.error} onRetry={() => void audit.refetch()} />
          </div>
        ) : events.length === 0 ? (
          <EmptyState>{filtered ? "No event matches these filters." : "Nothing has been recorded yet."}</EmptyState>
        ) : (
          <table className="w-full table-fixed text-left text-sm" data-testid="audit-table">
            <thead className="text-xs uppercase tracking-wide text-ink-faint">
              <tr>
                <th scope="col" className="w-28 py-2 pr-3 font-medium sm:w-36">Time</th>
                <th scope="col" className="hidden w-48 py-2 pr-3 font-medium md:table-cell">Actor</th>
                <th scope="col" className="hidden w-36 py-2 pr-3 font-medium sm:table-cell">Action</th>
                <th scope="col" className="py-2 pr-3 font-medium">Object</th>
                <th scope="col" className="hidden w-56 py-2 font-medium lg:table-cell">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {events.map((event) => (
                <AuditRow key={event.id} org={org} event={event} exists={existing.has(event.object_id)} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {audit.data && (audit.data.previous_cursor || audit.data.next_cursor) && (
        <nav aria-label="Audit pages" className="flex justify-end gap-2 border-t border-gray-200 px-4 py-3 sm:px-6">
          <button type="button" className="btn-secondary py-1" disabled={!audit.data.previous_cursor} onClick={() => onCursor(audit.data.previous_cursor)} data-testid="audit-newer">
            Newer
          </button>
          <button type="button" className="btn-secondary py-1" disabled={!audit.data.next_cursor} onClick={() => onCursor(audit.data.next_cursor)} data-testid="audit-older">
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
