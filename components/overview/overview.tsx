"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { errorMessage } from "@/components/api-client";
import { currentOrgName, useMe } from "@/components/console/use-me";
import { useMembers } from "@/components/members/use-members";
import { useTokens } from "@/components/tokens/use-tokens";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { countOf } from "@/components/format";
import { useNow } from "@/components/pipelines/use-now";
import { FailingCard, HealthCard, NextRunsCard, PausedCard, RunningCard, StorageCard } from "./health-cards";
import { RunsChart } from "./runs-chart";
import { useOverview, type OrgOverview } from "./use-overview";

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
      <OrgSections orgId={me.data.org} orgName={orgName} />
    </div>
  );
}

/**
 * The health first, then the members and tokens cards, shown together once the health has come:
 * cards shown earlier would be pushed down when it came (Lighthouse counted that layout shift
 * against `/`: perf 81 at full bench scale). The three reads start together all the same.
 */
function OrgSections({ orgId, orgName }: { orgId: string; orgName: string }) {
  const overview = useOverview(orgId);
  useMembers(orgId);
  useTokens(orgId);
  if (overview.isPending) return <Loading />;
  return (
    <>
      {overview.isError ? (
        <ErrorNotice title="Could not load the org's health." error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <OrgHealth health={overview.data} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <MembersCard orgId={orgId} orgName={orgName} />
        <TokensCard orgId={orgId} />
      </div>
    </>
  );
}

/** The org's health: what needs attention first, then what comes next and what ran. */
function OrgHealth({ health }: { health: OrgOverview }) {
  const now = useNow(30_000);
  return (
    <div className="space-y-4" data-testid="overview-health">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <FailingCard failing={health.failing} now={now} />
        <RunningCard running={health.running} />
        <PausedCard paused={health.paused} now={now} />
        <StorageCard storage={health.storage} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <NextRunsCard nextRuns={health.next_runs} now={now} />
        <HealthCard
          id="overview-runs"
          title="Runs in the last 24 hours"
          figure={countOf(health.runs_24h.total, "run", "runs")}
          link={{ href: "/executions", label: "All runs" }}
        >
          <RunsChart runs={health.runs_24h} />
        </HealthCard>
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
      className="card block p-4 transition-colors hover:border-brand-500 focus-visible:border-brand-500"
      data-testid={testId}
    >
      <h2 className="text-base font-semibold text-brand-700">{title}</h2>
      <p className="mt-1 text-sm text-ink-muted">{children}</p>
      <div className="mt-2 text-lg font-semibold" data-testid={`${testId}-count`}>
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
