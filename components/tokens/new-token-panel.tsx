"use client";

import { useEffect, useRef, useState } from "react";
import type { IssuedToken } from "./use-tokens";

type CopyState = "idle" | "copied" | "failed";

export function NewTokenPanel({ issued, onDone }: { issued: IssuedToken; onDone: () => void }) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const input = useRef<HTMLInputElement>(null);

  // Selected on arrival, so a keyboard user can copy it at once.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopy("copied");
    } catch {
      input.current?.select();
      setCopy("failed");
    }
  }

  return (
    <section aria-labelledby="new-token-heading" className="card border-brand-500 p-4 sm:p-6" data-testid="new-token-panel">
      <h2 id="new-token-heading" className="text-lg font-semibold">
        Token “{issued.name}” created
      </h2>
      <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-warn" data-testid="new-token-warning">
        This token is shown once. Store it now: Sluice keeps only its hash.
      </p>
      <label htmlFor="new-token-value" className="label mt-4">
        Token
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id="new-token-value"
          readOnly
          value={issued.token}
          className="input font-mono"
          data-testid="new-token-value"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="btn-secondary shrink-0" onClick={() => void copyToken()} data-testid="copy-token">
          Copy
        </button>
      </div>
      <p aria-live="polite" className="mt-1 min-h-5 text-sm" data-testid="copy-status">
        {copy === "copied" && <span className="text-ok">Copied</span>}
        {copy === "failed" && <span className="text-bad">Could not copy: the token is selected, copy it with your keyboard.</span>}
      </p>
      <div className="mt-2 flex justify-end">
        <button type="button" className="btn-primary w-full sm:w-auto" onClick={onDone} data-testid="new-token-done">
          I have stored it
        </button>
      </div>
    </section>
  );
}
