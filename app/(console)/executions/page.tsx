import type { Metadata } from "next";
import { Suspense } from "react";
import { ExecutionsTable } from "@/components/executions/executions-table";

export const metadata: Metadata = { title: "Executions" };

export default function Executions() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Executions</h1>
        <p className="mt-1 text-sm text-ink-muted">Runs of every pipeline you can see, newest first. Live while they run.</p>
      </div>
      {/* The filters are read from the URL: the table renders in the browser, under Suspense. */}
      <Suspense>
        <ExecutionsTable />
      </Suspense>
    </div>
  );
}
