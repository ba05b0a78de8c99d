"use client";

import { currentOrgName, useMe } from "@/components/console/use-me";
import { canDeleteConnections } from "@/components/pipelines/permissions";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { CreateResourceForm } from "./create-resource-form";
import { ResourcesTable } from "./resources-table";

export function ConnectionsPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Connections</h1>
        <p className="mt-1 text-sm text-ink-muted">
          The sources and destinations pipelines in {currentOrgName(me.data)} read from and write to, and the wrapper process that runs each connector.
        </p>
      </div>
      <CreateResourceForm org={me.data.org} />
      <ResourcesTable org={me.data.org} isAdmin={canDeleteConnections(me.data)} />
    </div>
  );
}
