"use client";

// The Sharing tab: the owner, the people it is shared with, and whether everyone in the org
// sees it. The owner and admins change it; everyone else reads it, and is told why.
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/api-client";
import type { Me } from "@/components/console/use-me";
import { useMembers } from "@/components/members/use-members";
import { CHANGE_REFUSED, canChangePipeline } from "@/components/pipelines/permissions";
import { StatusLine, type Outcome } from "@/components/pipelines/status-line";
import { Switch } from "@/components/pipelines/switch";
import type { Pipeline } from "@/components/pipelines/types";
import { useUpdatePipeline } from "@/components/pipelines/use-pipelines";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { useSharing, type SharingChange } from "./use-sharing";

interface SharingSectionProps {
  org: string;
  orgName: string;
  me: Me;
  pipeline: Pipeline;
}

export function SharingSection({ org, orgName, me, pipeline }: SharingSectionProps) {
  const sharing = useSharing(org, pipeline.id);
  const members = useMembers(org);
  const change = useUpdatePipeline(org, pipeline.id);
  const [chosen, setChosen] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const refusal = canChangePipeline(pipeline, me) ? null : CHANGE_REFUSED;

  if (sharing.isPending) return <Loading label="Loading who has access…" />;
  if (sharing.isError) return <ErrorNotice title="Could not load who has access." error={sharing.error} onRetry={() => void sharing.refetch()} />;

  const shared = sharing.data.shared_users;
  const sharedIds = shared.map((user) => user.id);
  const candidates = (members.data ?? []).filter((m) => m.id !== sharing.data.created_by && !sharedIds.includes(m.id));

  function apply(body: SharingChange, done: string) {
    change.mutate(body, {
      onSuccess: () => setOutcome({ text: done, ok: true }),
      onError: (error) => setOutcome({ text: `Not changed: ${errorMessage(error)}`, ok: false }),
    });
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const person = candidates.find((m) => m.id === chosen);
    if (refusal) return;
    if (!person) {
      setOutcome({ text: "Choose a member first.", ok: false });
      return;
    }
    apply({ shared_users: [...sharedIds, person.id] }, `Shared with ${person.name}.`);
    setChosen("");
  }

  return (
    <div className="space-y-4">
      {refusal && (
        <p id="sharing-refusal" className="rounded-md border border-gray-200 bg-white px-4 py-3 text-sm text-ink-muted" data-testid="sharing-refusal">
          {refusal} You can see who has access.
        </p>
      )}
      <section aria-labelledby="org-share-heading" className="card p-4 sm:p-6">
        <h2 id="org-share-heading" className="text-lg font-semibold">
          Everyone in {orgName}
        </h2>
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-ink-muted">Every member sees it, runs it and reads its runs; only the owner and admins change it.</p>
          <Switch
            checked={sharing.data.shared_to_org}
            label={`Share with everyone in ${orgName}`}
            visibleLabel={sharing.data.shared_to_org ? "Shared" : "Not shared"}
            refusal={refusal}
            refusalId={refusal ? "sharing-refusal" : undefined}
            pending={change.isPending}
            testId="share-with-org"
            onChange={(on) => apply({ shared_to_org: on }, on ? `Shared with everyone in ${orgName}.` : `No longer shared with everyone in ${orgName}.`)}
          />
        </div>
      </section>

      <section aria-labelledby="people-heading" className="card">
        <h2 id="people-heading" className="border-b border-gray-200 px-4 py-3 text-lg font-semibold sm:px-6">
          People with access
        </h2>
        <div className="px-4 sm:px-6">
          <StatusLine outcome={outcome} testId="sharing-status" />
          <ul className="divide-y divide-gray-100" data-testid="shared-users">
            <li className="flex flex-wrap items-center justify-between gap-2 py-3">
              <span className="min-w-0 break-all text-sm">{sharing.data.created_by_email}</span>
              <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-700">Owner</span>
            </li>
            {shared.map((user) => (
              <li key={user.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="shared-user" data-email={user.username}>
                <span className="min-w-0 text-sm">
                  <span className="font-medium">{user.name}</span> <span className="break-all text-ink-muted">{user.username}</span>
                </span>
                {!refusal && (
                  <button
                    type="button"
                    className="btn-secondary py-1"
                    disabled={change.isPending}
                    onClick={() => apply({ shared_users: sharedIds.filter((id) => id !== user.id) }, `${user.name} no longer has access.`)}
                    data-testid="unshare-user"
                  >
                    Remove<span className="sr-only"> {user.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {shared.length === 0 && <p className="pb-3 text-sm text-ink-muted">Not shared with anyone in particular.</p>}
        </div>
        {!refusal && (
          <form onSubmit={add} className="flex flex-col gap-2 border-t border-gray-200 px-4 py-4 sm:flex-row sm:items-end sm:px-6" data-testid="share-form">
            <div className="flex-1">
              <label htmlFor="share-member" className="label">
                Share with
              </label>
              {members.isError ? (
                <p role="alert" className="text-sm text-bad">
                  Could not load the members: {errorMessage(members.error)}
                </p>
              ) : (
                <select
                  id="share-member"
                  className="input"
                  value={chosen}
                  onChange={(event) => setChosen(event.target.value)}
                  disabled={members.isPending || candidates.length === 0}
                  aria-describedby={candidates.length === 0 && members.isSuccess ? "share-nobody" : undefined}
                  data-testid="share-member"
                >
                  <option value="">{members.isPending ? "Loading members…" : "Choose a member…"}</option>
                  {candidates.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name} ({member.email})
                    </option>
                  ))}
                </select>
              )}
              {members.isSuccess && candidates.length === 0 && (
                <p id="share-nobody" className="mt-1 text-sm text-ink-muted">
                  Everyone in {orgName} already has access.
                </p>
              )}
            </div>
            <button
              type="submit"
              className="btn-primary"
              aria-disabled={!chosen || change.isPending || undefined}
              aria-describedby={!chosen ? "share-choose-first" : undefined}
              data-testid="share-add"
            >
              Add
            </button>
            <span id="share-choose-first" className="sr-only">
              Choose a member first.
            </span>
          </form>
        )}
      </section>
    </div>
  );
}
