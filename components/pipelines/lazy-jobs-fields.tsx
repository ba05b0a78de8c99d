"use client";

// The jobs editor, fetched when the pipeline page's "Edit jobs" or "Add job" opens it: a visit
// that only reads the jobs does not download it. Its own spinner while it comes. React.lazy
// rather than next/dynamic: the page then carries no loader code of its own.
import { lazy, Suspense, type ComponentProps } from "react";
import { Loading } from "@/components/ui/status";

const JobsFields = lazy(() => import("./jobs-fields").then((module) => ({ default: module.JobsFields })));

export function LazyJobsFields(props: ComponentProps<typeof JobsFields>) {
  return (
    <Suspense fallback={<Loading label="Loading the jobs editor…" />}>
      <JobsFields {...props} />
    </Suspense>
  );
}
