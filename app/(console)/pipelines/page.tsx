import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { firstPageState } from "@/app/(console)/_server/first-page";
import { PipelinesPage } from "@/components/pipelines/pipelines-page";

export const metadata: Metadata = { title: "Pipelines" };

export default async function Pipelines({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The list reads its filters from the URL's query string. The default view (no query) is
  // rendered with its rows on the server; any other view is fetched by the browser.
  const state = Object.keys(await searchParams).length === 0 ? await firstPageState() : null;
  const page = <PipelinesPage />;
  return state ? <HydrationBoundary state={state}>{page}</HydrationBoundary> : page;
}
