"use client";

import { useState } from "react";
import { errorMessage } from "@/components/api-client";
import { formatDate } from "@/components/format";
import { ConfirmRow, useConfirmStep } from "@/components/ui/confirm-inline";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { useMembers, useRemoveMember, type Member } from "./use-members";

interface MembersTableProps {
  orgId: string;
  orgName: string;
  myId: string;
  canRemove: boolean;
}

export function MembersTable({ orgId, orgName, myId, canRemove }: MembersTableProps) {
  const members = useMembers(orgId);
  const [refusal, setRefusal] = useState<string | null>(null);

  return (
    <section aria-labelledby="members-heading" className="card">
      <h2 id="members-heading" className="border-b border-gray-200 px-4 py-3 text-lg font-semibold sm:px-6">
        People in {orgName}
        {members.data && <span className="ml-2 text-sm font-normal text-ink-muted">({members.data.length})</span>}
      </h2>
      {refusal && (
        <div className="px-4 pt-4 sm:px-6">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="remove-member-error">
            {refusal}
          </p>
        </div>
      )}
      <div className="px-4 sm:px-6">
        {members.isPending ? (
          <Loading label="Loading members…" />
        ) : members.isError ? (
          <div className="py-4">
            <ErrorNotice title="Could not load the members." error={members.error} onRetry={() => void members.refetch()} />
          </div>
        ) : members.data.length === 0 ? (
          <EmptyState>No one is a member of {orgName} yet.</EmptyState>
        ) : (
          <table className="w-full table-fixed text-left text-sm" data-testid="members-table">
            {/* Widths live on the columns: a hidden column must be 0 wide, or the confirm row's
                colSpan gives it a share of the name's width. */}
            <colgroup>
              <col />
              <col className="w-0 sm:w-auto" />
              <col className="w-20" />
              <col className="w-0 md:w-32" />
              {canRemove && <col className="w-24" />}
            </colgroup>
            <thead className="text-xs uppercase tracking-wide text-ink-faint">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">Email</th>
                <th scope="col" className="py-2 pr-3 font-medium">Role</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">Joined</th>
                {canRemove && (
                  <th scope="col" className="py-2 text-right font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {members.data.map((member) => (
                <MemberRow
                  key={member.id}
                  orgId={orgId}
                  orgName={orgName}
                  member={member}
                  isMe={member.id === myId}
                  canRemove={canRemove}
                  onRefused={(message) => setRefusal(message)}
                  onStart={() => setRefusal(null)}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

interface MemberRowProps {
  orgId: string;
  orgName: string;
  member: Member;
  isMe: boolean;
  canRemove: boolean;
  onRefused: (message: string) => void;
  onStart: () => void;
}

function MemberRow({ orgId, orgName, member, isMe, canRemove, onRefused, onStart }: MemberRowProps) {
  const removeMember = useRemoveMember(orgId);
  const { confirming, openerRef, open, cancel } = useConfirmStep();

  function remove() {
    removeMember.mutate(member.id, {
      onError: (error) => {
        cancel();
        onRefused(`Could not remove ${member.name}: ${errorMessage(error)}`);
      },
    });
  }

  return (
    <>
      <tr data-testid="member-row" data-email={member.email}>
        <td className="py-3 pr-3 align-top">
          <div className="truncate font-medium" title={member.name}>
            {member.name}
            {isMe && <span className="ml-1 font-normal text-ink-faint">(you)</span>}
          </div>
          <div className="truncate text-ink-muted sm:hidden" title={member.email}>
            {member.email}
          </div>
        </td>
        <td className="hidden truncate py-3 pr-3 align-top text-ink-muted sm:table-cell" title={member.email}>
          {member.email}
        </td>
        <td className="py-3 pr-3 align-top">
          <span
            className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${
              member.role === "admin" ? "bg-brand-100 text-brand-700" : "bg-surface-sunken text-ink-muted"
            }`}
          >
            {member.role}
          </span>
        </td>
        <td className="hidden py-3 pr-3 align-top text-ink-muted md:table-cell">{formatDate(member.joined_at)}</td>
        {canRemove && (
          <td className="py-2 text-right align-top">
            <button
              ref={openerRef}
              type="button"
              className="btn-secondary py-1"
              data-testid="remove-member"
              aria-expanded={confirming}
              onClick={() => {
                onStart();
                open();
              }}
            >
              Remove<span className="sr-only"> {member.name}</span>
            </button>
          </td>
        )}
      </tr>
      {confirming && (
        <ConfirmRow
          colSpan={5}
          question={`Remove ${member.name} from ${orgName}?`}
          confirmLabel="Remove"
          pendingLabel="Removing…"
          pending={removeMember.isPending}
          onConfirm={remove}
          onCancel={cancel}
          testId="confirm-remove-member"
        />
      )}
    </>
  );
}
