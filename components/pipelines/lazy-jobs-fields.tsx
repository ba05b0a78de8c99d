"use client";

// The jobs editor, fetched when the pipeline page's "Edit jobs" or "Add job" opens it: a visit
// that only reads the jobs does not download it. Its own spinner while it comes.
import dynamic from "next/dynamic";
import { Loading } from "@/components/ui/status";

export const LazyJobsFields = dynamic(() => import("./jobs-fields").then((module) => module.JobsFields), {
  loading: () => <Loading label="Loading the jobs editor…" />,
});
