import type { Metadata } from "next";
import { NewPipelinePage } from "@/components/pipelines/new-pipeline-page";

export const metadata: Metadata = { title: "New pipeline" };

export default function NewPipeline() {
  return <NewPipelinePage />;
}
