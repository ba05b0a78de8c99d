"use client";

// A pipeline API key right after it was made: shown once (Sluice keeps its hash).
import type { ReactNode } from "react";
import { SecretOncePanel } from "@/components/ui/secret-once-panel";

export function KeyOncePanel({ heading, apiKey, children }: { heading: string; apiKey: string; children?: ReactNode }) {
  return (
    <SecretOncePanel
      heading={heading}
      noun="API key"
      secret={apiKey}
      warning="This API key is shown once. Store it now: Sluice keeps only its hash and cannot show it again."
      testIds={{ panel: "key-once-panel", warning: "key-once-warning", value: "key-once-value", copy: "copy-key", status: "copy-key-status" }}
    >
      {children}
    </SecretOncePanel>
  );
}
