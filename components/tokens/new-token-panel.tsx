"use client";

// A personal token right after it was made: shown once (Sluice keeps its hash).
import { SecretOncePanel } from "@/components/ui/secret-once-panel";
import type { IssuedToken } from "./use-tokens";

export function NewTokenPanel({ issued, onDone }: { issued: IssuedToken; onDone: () => void }) {
  return (
    <SecretOncePanel
      heading={<>Token “{issued.name}” created</>}
      noun="Token"
      secret={issued.token}
      warning="This token is shown once. Store it now: Sluice keeps only its hash."
      testIds={{ panel: "new-token-panel", warning: "new-token-warning", value: "new-token-value", copy: "copy-token", status: "copy-status" }}
    >
      <div className="mt-2 flex justify-end">
        <button type="button" className="btn-primary w-full sm:w-auto" onClick={onDone} data-testid="new-token-done">
          I have stored it
        </button>
      </div>
    </SecretOncePanel>
  );
}
