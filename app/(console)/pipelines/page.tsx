import type { Metadata } from "next";
import { Suspense } from "react";
import { PipelinesPage } from "@/components/pipelines/pipelines-page";
import { Loading } from "@/components/ui/status";

export const metadata: Metadata = { title: "Pipelines" };

export default function Pipelines() {
  // The list reads its filters from the URL's query string.
  return (
    <Suspense fallback={<Loading />}>
      <PipelinesPage />
    </Suspense>
  );
}
