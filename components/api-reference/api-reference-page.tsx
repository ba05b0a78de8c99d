"use client";

import { useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { useMe } from "@/components/console/use-me";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { Paragraphs } from "./inline-text";
import { MethodBadge } from "./method-badge";
import { OperationCard } from "./operation-card";
import { groupByTag, matchesFilter, type OpenApiDocument, type TagGroup } from "./openapi-view";
import { OPENAPI_URL, useOpenApi } from "./use-openapi";

const tagAnchor = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

export function ApiReferencePage() {
  const openApi = useOpenApi();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">API reference</h1>
          <p className="mt-1 text-sm text-ink-muted">Every route of the Sluice API, generated from the schemas the server checks requests with.</p>
        </div>
        <a href={OPENAPI_URL} download="sluice-openapi.json" className="btn-secondary" data-testid="download-openapi">
          Download OpenAPI JSON
        </a>
      </div>
      {openApi.isPending ? (
        <Loading label="Loading the API description…" />
      ) : openApi.isError ? (
        <ErrorNotice title="Could not load the API description." error={openApi.error} onRetry={() => void openApi.refetch()} />
      ) : (
        <Reference doc={openApi.data} />
      )}
    </div>
  );
}

function Reference({ doc }: { doc: OpenApiDocument }) {
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter);
  const filterId = useId();
  const groups = useMemo(() => groupByTag(doc), [doc]);
  const total = groups.reduce((n, group) => n + group.operations.length, 0);
  const shown = useMemo(
    () =>
      groups
        .map((group) => ({ ...group, operations: group.operations.filter((op) => matchesFilter(op, deferredFilter)) }))
        .filter((group) => group.operations.length > 0),
    [groups, deferredFilter],
  );
  const count = shown.reduce((n, group) => n + group.operations.length, 0);

  // The operations appear after the fetch, too late for the browser's own jump to #anchor.
  useEffect(() => {
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    target?.scrollIntoView();
  }, []);

  return (
    <div className="space-y-6">
      <section aria-labelledby="api-overview" className="card space-y-2 p-4 text-sm leading-relaxed sm:p-5">
        <h2 id="api-overview" className="text-lg font-semibold">
          {doc.info.title} <span className="text-sm font-normal text-ink-muted">version {doc.info.version} · OpenAPI {doc.openapi}</span>
        </h2>
        {doc.info.description && <Paragraphs text={doc.info.description} />}
        <OrgHint />
      </section>

      <div>
        <label htmlFor={filterId} className="label">
          Filter operations
        </label>
        <input
          id={filterId}
          type="search"
          className="input max-w-md"
          placeholder="e.g. execute, keys, DELETE"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          aria-describedby={`${filterId}-count`}
          data-testid="operation-filter"
        />
        <p id={`${filterId}-count`} role="status" className="mt-1 text-xs text-ink-muted" data-testid="operation-count">
          {deferredFilter.trim() ? `${count} of ${total} operations match.` : `${total} operations.`}
        </p>
      </div>

      {shown.length === 0 ? (
        <div className="card">
          <EmptyState>No operation matches “{deferredFilter.trim()}”.</EmptyState>
        </div>
      ) : (
        <div className="lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8">
          <TagIndex groups={shown} />
          <div className="min-w-0 space-y-10">
            {shown.map((group) => (
              <section key={group.name} aria-labelledby={tagAnchor(group.name)} className="space-y-3" data-testid="tag-section" data-tag={group.name}>
                <div>
                  <h2 id={tagAnchor(group.name)} className="scroll-mt-4 text-xl font-semibold">
                    {group.name}
                  </h2>
                  {group.description && <p className="mt-1 text-sm text-ink-muted">{group.description}</p>}
                </div>
                {group.operations.map((operation) => (
                  <OperationCard key={operation.operationId} doc={doc} operation={operation} />
                ))}
              </section>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

/** On wide screens, a sticky list of every shown operation; on phones, links to the groups. */
function TagIndex({ groups }: { groups: TagGroup[] }) {
  return (
    <nav aria-label="API operations" className="mb-6 lg:mb-0">
      <ul className="flex flex-wrap gap-2 lg:hidden">
        {groups.map((group) => (
          <li key={group.name}>
            <a href={`#${tagAnchor(group.name)}`} className="block rounded-full border border-gray-300 bg-white px-3 py-1 text-sm text-ink hover:bg-surface-sunken">
              {group.name} <span className="text-ink-faint">{group.operations.length}</span>
            </a>
          </li>
        ))}
      </ul>
      <ul className="hidden space-y-4 text-sm lg:sticky lg:top-4 lg:block lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pr-1">
        {groups.map((group) => (
          <li key={group.name}>
            <a href={`#${tagAnchor(group.name)}`} className="font-semibold text-ink hover:text-brand-700">
              {group.name}
            </a>
            <ul className="mt-1 space-y-0.5">
              {group.operations.map((operation) => (
                <li key={operation.operationId}>
                  <a
                    href={`#${operation.operationId}`}
                    className="flex items-start gap-2 rounded px-1 py-0.5 text-ink-muted hover:bg-surface-sunken hover:text-ink"
                  >
                    <span className="origin-left scale-90">
                      <MethodBadge method={operation.method} />
                    </span>
                    <span className="min-w-0">{operation.summary}</span>
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The value of {org_id} for this reader, so the paths can be copied as they are meant. */
function OrgHint() {
  const me = useMe();
  if (!me.data) return null;
  return (
    <p className="text-ink-muted" data-testid="org-hint">
      In these paths, <code className="rounded bg-surface-sunken px-1 font-mono">{"{org_id}"}</code> is your organization&apos;s id:{" "}
      <code className="rounded bg-surface-sunken px-1 font-mono">{me.data.org}</code>.
    </p>
  );
}
