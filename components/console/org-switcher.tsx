"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { updateSession } from "@/components/auth/auth-client";
import { useState } from "react";
import { currentOrgName, useMe } from "./use-me";

export function OrgSwitcher() {
  const me = useMe();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (me.isPending) {
    return (
      <span data-testid="org-switcher" className="text-sm text-ink-faint">
        Loading…
      </span>
    );
  }
  if (me.isError) {
    return (
      <span data-testid="org-switcher" role="alert" className="text-sm text-bad">
        Organization unavailable
      </span>
    );
  }

  const { orgs } = me.data;
  if (orgs.length < 2) {
    return (
      <span data-testid="org-switcher" className="text-sm font-medium">
        <span className="sr-only">Organization: </span>
        {currentOrgName(me.data)}
      </span>
    );
  }

  async function choose(orgId: string) {
    setChosen(orgId);
    setError(null);
    // The jwt callback checks membership and keeps the old org when the switch is refused.
    const session = await updateSession({ orgId }).catch(() => null);
    if (session?.orgId !== orgId) {
      setChosen(null);
      setError("Could not switch organization. Try again.");
      return;
    }
    // Everything cached belongs to the old org; the layout re-renders keyed by the new one.
    queryClient.clear();
    router.refresh();
  }

  return (
    <div data-testid="org-switcher" className="flex items-center gap-2 text-sm">
      <label htmlFor="org-switcher-select" className="sr-only">
        Organization
      </label>
      <select
        id="org-switcher-select"
        data-testid="org-switcher-select"
        className="max-w-[12rem] rounded-md border border-gray-300 bg-white py-1.5 pl-2 pr-1 text-sm font-medium focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        value={chosen ?? me.data.org}
        disabled={chosen !== null}
        onChange={(event) => void choose(event.target.value)}
      >
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="text-bad">
          {error}
        </p>
      )}
    </div>
  );
}
