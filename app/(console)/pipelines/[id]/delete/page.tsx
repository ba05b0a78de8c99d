import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "@/components/ui/status";
import { DeleteWizard } from "@/components/wizard/delete-wizard";

export const metadata: Metadata = { title: "Delete pipeline" };

export default async function DeletePipeline({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The wizard reads its step from the URL: that read waits for the request, inside Suspense.
  return (
    <Suspense fallback={<Loading />}>
      <DeleteWizard pipelineId={id} />
    </Suspense>
  );
}
