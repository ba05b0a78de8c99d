"use client";

// /pipelines/[id]: the header (what it is, whose, whether it runs) and its sections as tabs.
import Link from "next/link";
import { useState } from "react";
import { ApiError } from "@/components/api-client";
import { currentOrgName, useMe, type Me } from "@/components/console/use-me";
import { ErrorNotice, Loading } from "@/components/ui/status";
import type { AnalysedCron } from "./cron-analysis";
import { LazyDangerZone, LazyExecutionsTable, LazyKeysSection, LazySharingSection } from "./lazy-sections";
import { OverviewSection } from "./overview-section";
import { PipelineHeader } from "./pipeline-header";
import { Tabs, useTabFromHash } from "./pipeline-tabs";
import type { Outcome } from "./status-line";
import { usePipeline } from "./use-pipelines";

const TABS = [
  { id: "overview", label: "Overview" },
  { id: "executions", label: "Executions" },
  { id: "keys", label: "Keys" },
  { id: "sharing", label: "Sharing" },
  { id: "danger-zone", label: "Danger zone" },
] as const;

/** `savedSchedule`: the saved cron analysed on the server, for the settings form. */
export function PipelinePage({ id, savedSchedule }: { id: string; savedSchedule?: AnalysedCron }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;
  return <PipelineView me={me.data} id={id} savedSchedule={savedSchedule} />;
}

function PipelineView({ me, id, savedSchedule }: { me: Me; id: string; savedSchedule?: AnalysedCron }) {
  const org = me.org;
  const pipeline = usePipeline(org, id);
  const [tab, selectTab] = useTabFromHash(TABS);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (pipeline.isPending) return <Loading label="Loading the pipeline…" />;
  if (pipeline.isError) {
    if (pipeline.error instanceof ApiError && pipeline.error.status === 404) {
      return (
        <div className="card space-y-3 p-6" data-testid="pipeline-not-found">
          <h1 className="text-xl font-semibold">Pipeline not found</h1>
          <p className="text-sm text-ink-muted">It was deleted, or it is not shared with you.</p>
          <Link href="/pipelines" className="btn-secondary">
            Back to pipelines
          </Link>
        </div>
      );
    }
    return <ErrorNotice title="Could not load the pipeline." error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  }

  const data = pipeline.data;
  return (
    <div className="space-y-4">
      <PipelineHeader
        org={org}
        me={me}
        pipeline={data}
        outcome={outcome}
        onOutcome={setOutcome}
        onShowExecutions={() => selectTab("executions")}
      />
      <Tabs
        label="Pipeline sections"
        tabs={TABS}
        current={tab}
        onSelect={selectTab}
        render={(section) => {
          switch (section) {
            case "overview":
              return <OverviewSection org={org} me={me} pipeline={data} savedSchedule={savedSchedule} />;
            case "executions":
              return <LazyExecutionsTable pipelineId={data.id} />;
            case "keys":
              return <LazyKeysSection org={org} me={me} pipeline={data} />;
            case "sharing":
              return <LazySharingSection org={org} orgName={currentOrgName(me)} me={me} pipeline={data} />;
            case "danger-zone":
              return <LazyDangerZone pipeline={data} />;
            default:
              return null;
          }
        }}
      />
    </div>
  );
}
