"use client";

import { currentOrgName, useMe } from "@/components/console/use-me";
import { canManageMembers, MEMBERS_REFUSED } from "@/components/pipelines/permissions";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { AddMemberForm } from "./add-member-form";
import { MembersTable } from "./members-table";

export function MembersPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;

  const isAdmin = canManageMembers(me.data);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Members</h1>
        <p className="mt-1 text-sm text-ink-muted">People who can sign in to {currentOrgName(me.data)}.</p>
      </div>
      {isAdmin ? (
        <AddMemberForm orgId={me.data.org} />
      ) : (
        <p className="rounded-md border border-gray-200 bg-white px-4 py-3 text-sm text-ink-muted" data-testid="members-read-only">
          {MEMBERS_REFUSED}
        </p>
      )}
      <MembersTable orgId={me.data.org} orgName={currentOrgName(me.data)} myId={me.data.id} canManage={isAdmin} />
    </div>
  );
}
