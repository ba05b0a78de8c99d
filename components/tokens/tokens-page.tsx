"use client";

import { useState } from "react";
import { currentOrgName, useMe } from "@/components/console/use-me";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenPanel } from "./new-token-panel";
import { TokensTable } from "./tokens-table";
import type { IssuedToken } from "./use-tokens";

export function TokensPage() {
  const me = useMe();
  // Held in memory only: once this panel closes the token cannot be shown again.
  const [issued, setIssued] = useState<IssuedToken | null>(null);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Personal tokens let scripts call the Sluice API as you, in {currentOrgName(me.data)}, with your role.
        </p>
      </div>
      {issued ? (
        <NewTokenPanel issued={issued} onDone={() => setIssued(null)} />
      ) : (
        <CreateTokenForm orgId={me.data.org} onCreated={setIssued} />
      )}
      <TokensTable orgId={me.data.org} />
    </div>
  );
}
