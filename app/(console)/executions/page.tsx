import type { Metadata } from "next";
import { ExecutionsTable } from "@/components/executions/executions-table";
import { EXECUTION_STATUSES } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Executions" };

// `?status=ERROR` opens the list filtered (the Overview links here); any other value is ignored.
export default async function Executions({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { status } = await searchParams;
  const initial = EXECUTION_STATUSES.find((s) => s === status) ?? "";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Executions</h1>
        <p className="mt-1 text-sm text-ink-muted">Runs of every pipeline you can see, newest first. Live while they run.</p>
      </div>
      {/* Keyed by the status so following another Overview link starts from that filter. */}
      <ExecutionsTable key={initial} status={initial} />
    </div>
  );
}
