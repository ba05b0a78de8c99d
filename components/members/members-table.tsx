"use client";

import { useRef, useState } from "react";
import { errorMessage } from "@/components/api-client";
import type { Role } from "@/components/console/use-me";
import { formatDate } from "@/components/format";
import { ConfirmRow } from "@/components/ui/confirm-inline";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { useChangeMemberRole, useMembers, useRemoveMember, type Member } from "./use-members";

interface MembersTableProps {
  orgId: string;
  orgName: string;
  myId: string;
  /** Admins add, remove and change the role of members. */
  canManage: boolean;
}

export const LAST_ADMIN_NOTE = "The only admin: make someone else an admin first.";

export function MembersTable({ orgId, orgName, myId, canManage }: MembersTableProps) {
  const members = useMembers(orgId);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The server refuses to leave the org without an admin; the page does not offer it either.
  const admins = members.data?.filter((member) => member.role === "admin").length ?? 0;

  return (
    <section aria-labelledby="members-heading" className="card">
      <h2 id="members-heading" className="border-b border-gray-200 px-4 py-3 text-lg font-semibold sm:px-6">
        People in {orgName}
        {members.data && <span className="ml-2 text-sm font-normal text-ink-muted">({members.data.length})</span>}
      </h2>
      {refusal && (
        <div className="px-4 pt-4 sm:px-6">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="member-change-error">
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
            {/* Widths live on the columns. A column whose cells are hidden is hidden too: else
                the next cells slide into its place and take its width (the role under the actions). */}
            <colgroup>
              <col />
              <col className="hidden sm:table-column" />
              <col className="w-20" />
              <col className="hidden w-32 md:table-column" />
              {canManage && <col className="w-32 sm:w-56" />}
            </colgroup>
            <thead className="text-xs uppercase tracking-wide text-ink-faint">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">Email</th>
                <th scope="col" className="py-2 pr-3 font-medium">Role</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">Joined</th>
                {canManage && (
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
                  isLastAdmin={member.role === "admin" && admins <= 1}
                  canManage={canManage}
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
  isLastAdmin: boolean;
  canManage: boolean;
  onRefused: (message: string) => void;
  onStart: () => void;
}

type Step = "remove" | "demote-me";

function MemberRow({ orgId, orgName, member, isMe, isLastAdmin, canManage, onRefused, onStart }: MemberRowProps) {
  const removeMember = useRemoveMember(orgId);
  const changeRole = useChangeMemberRole(orgId);
  // One confirm step at a time under the row; closing it gives the focus back to its button.
  const [step, setStep] = useState<Step | null>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const roleRef = useRef<HTMLButtonElement>(null);
  const newRole: Role = member.role === "admin" ? "member" : "admin";

  function closeStep() {
    const opener = step === "remove" ? removeRef.current : roleRef.current;
    setStep(null);
    opener?.focus();
  }

  function remove() {
    removeMember.mutate(member.id, {
      onError: (error) => {
        closeStep();
        onRefused(`Could not remove ${member.name}: ${errorMessage(error)}`);
      },
    });
  }

  function setRole() {
    changeRole.mutate(
      { userId: member.id, role: newRole },
      {
        onSuccess: () => setStep(null),
        onError: (error) => {
          closeStep();
          onRefused(`Could not change the role of ${member.name}: ${errorMessage(error)}`);
        },
      },
    );
  }

  return (
    <>
      <tr data-testid="member-row" data-email={member.email} data-role={member.role}>
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
            data-testid="member-role-badge"
          >
            {member.role}
          </span>
        </td>
        <td className="hidden py-3 pr-3 align-top text-ink-muted md:table-cell">{formatDate(member.joined_at)}</td>
        {canManage && (
          <td className="py-2 text-right align-top">
            {isLastAdmin ? (
              <p className="py-1 text-xs text-ink-muted" data-testid="last-admin-note">
                {LAST_ADMIN_NOTE}
              </p>
            ) : (
              <div className="flex flex-wrap justify-end gap-2">
                <button
                  ref={roleRef}
                  type="button"
                  className="btn-secondary py-1"
                  data-testid="change-role"
                  disabled={changeRole.isPending}
                  aria-expanded={isMe && newRole === "member" ? step === "demote-me" : undefined}
                  onClick={() => {
                    onStart();
                    // Giving up your own admin role cannot be taken back by yourself: ask first.
                    if (isMe && newRole === "member") setStep("demote-me");
                    else setRole();
                  }}
                >
                  {changeRole.isPending && step === null ? "Saving…" : newRole === "admin" ? "Make admin" : "Make member"}
                  <span className="sr-only"> {member.name}</span>
                </button>
                <button
                  ref={removeRef}
                  type="button"
                  className="btn-secondary py-1"
                  data-testid="remove-member"
                  aria-expanded={step === "remove"}
                  onClick={() => {
                    onStart();
                    setStep("remove");
                  }}
                >
                  Remove<span className="sr-only"> {member.name}</span>
                </button>
              </div>
            )}
          </td>
        )}
      </tr>
      {step === "remove" && (
        <ConfirmRow
          colSpan={5}
          question={`Remove ${member.name} from ${orgName}?`}
          confirmLabel="Remove"
          pendingLabel="Removing…"
          pending={removeMember.isPending}
          onConfirm={remove}
          onCancel={closeStep}
          testId="confirm-remove-member"
        />
      )}
      {step === "demote-me" && (
        <ConfirmRow
          colSpan={5}
          question={`Make yourself a member of ${orgName}? You will no longer manage members, and only another admin can make you an admin again.`}
          confirmLabel="Make me a member"
          pendingLabel="Saving…"
          pending={changeRole.isPending}
          onConfirm={setRole}
          onCancel={closeStep}
          testId="confirm-demote-self"
        />
      )}
    </>
  );
}
