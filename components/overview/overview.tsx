"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { errorMessage } from "@/components/api-client";
import { currentOrgName, useMe } from "@/components/console/use-me";
import { useMembers } from "@/components/members/use-members";
import { useTokens } from "@/components/tokens/use-tokens";
import { ErrorNotice, Loading } from "@/components/ui/status";

export function Overview() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;

  const orgName = currentOrgName(me.data);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold" data-testid="overview-heading">
          Welcome, {me.data.name}
        </h1>
        <p className="mt-1 text-sm text-ink-muted">
          You are {me.data.role === "admin" ? "an admin" : "a member"} of{" "}
          <span className="font-medium text-ink" data-testid="overview-org">
            {orgName}
          </span>
          .
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <MembersCard orgId={me.data.org} orgName={orgName} />
        <TokensCard orgId={me.data.org} />
      </div>
    </div>
  );
}

function MembersCard({ orgId, orgName }: { orgId: string; orgName: string }) {
  const members = useMembers(orgId);
  const count = members.data?.length;
  return (
    <SummaryCard
      href="/members"
      title="Members"
      testId="overview-members"
      figure={count === undefined ? null : `${count} ${count === 1 ? "member" : "members"}`}
      pending={members.isPending}
      error={members.isError ? `Could not count the members: ${errorMessage(members.error)}` : null}
    >
      Who can sign in to {orgName}, and with which role.
    </SummaryCard>
  );
}

function TokensCard({ orgId }: { orgId: string }) {
  const tokens = useTokens(orgId);
  const count = tokens.data?.length;
  return (
    <SummaryCard
      href="/tokens"
      title="Tokens"
      testId="overview-tokens"
      figure={count === undefined ? null : count === 0 ? "No tokens yet" : `${count} ${count === 1 ? "token" : "tokens"}`}
      pending={tokens.isPending}
      error={tokens.isError ? `Could not count your tokens: ${errorMessage(tokens.error)}` : null}
    >
      Your personal API tokens for scripts.
    </SummaryCard>
  );
}

interface SummaryCardProps {
  href: string;
  title: string;
  testId: string;
  figure: string | null;
  pending: boolean;
  error: string | null;
  children: ReactNode;
}

function SummaryCard({ href, title, testId, figure, pending, error, children }: SummaryCardProps) {
  return (
    <Link
      href={href}
      className="card block p-5 transition-colors hover:border-brand-500 focus-visible:border-brand-500"
      data-testid={testId}
    >
      <h2 className="text-lg font-semibold text-brand-700">{title}</h2>
      <p className="mt-1 text-sm text-ink-muted">{children}</p>
      <div className="mt-4 text-2xl font-semibold" data-testid={`${testId}-count`}>
        {pending ? <span className="text-base font-normal text-ink-faint">Counting…</span> : figure}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-bad">
          {error}
        </p>
      )}
    </Link>
  );
}
