"use client";

import { useState } from "react";
import { currentOrgName, useMe } from "@/components/console/use-me";
import { canReadWholeAuditLog } from "@/components/pipelines/permissions";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { AuditFiltersForm } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { NO_FILTERS, type AuditFilters } from "./use-audit";

export function AuditPage() {
  const me = useMe();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [cursor, setCursor] = useState<string | null>(null);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;

  const isAdmin = canReadWholeAuditLog(me.data);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-ink-muted">Who did what in {currentOrgName(me.data)}, when, and why. Newest first.</p>
      </div>
      {!isAdmin && (
        <p className="rounded-md border border-gray-200 bg-white px-4 py-3 text-sm text-ink-muted" data-testid="audit-own-only">
          You see only your own actions. Admins see everyone’s.
        </p>
      )}
      <FiltersDisclosure active={Object.values(filters).filter((v) => v.trim() !== "").length}>
        <AuditFiltersForm
          applied={filters}
          isAdmin={isAdmin}
          onApply={(next) => {
            setFilters(next);
            setCursor(null);
          }}
        />
      </FiltersDisclosure>
      <AuditTable org={me.data.org} filters={filters} cursor={cursor} onCursor={setCursor} filtered={Object.values(filters).some((v) => v.trim() !== "")} />
    </div>
  );
}
