"use client";

// The cron editor with croner and cronstrue, fetched only when a form shows it: the pipelines
// list never pays for them.
import dynamic from "next/dynamic";

export const LazyCronEditor = dynamic(() => import("./cron-editor").then((module) => module.CronEditor), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-ink-muted">
      Loading the schedule editor…
    </p>
  ),
});
