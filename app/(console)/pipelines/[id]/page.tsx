import type { Metadata } from "next";
import { savedSchedule } from "@/app/(console)/_server/saved-schedule";
import { PipelinePage } from "@/components/pipelines/pipeline-page";

export const metadata: Metadata = { title: "Pipeline" };

export default async function Pipeline({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PipelinePage id={id} savedSchedule={(await savedSchedule(id)) ?? undefined} />;
}
