"use client";

// A pipeline API key right after it was made: the only time it can be read (Sluice keeps its
// hash). Selected on arrival, with a copy button and a plain warning.
import { useEffect, useRef, useState, type ReactNode } from "react";

type CopyState = "idle" | "copied" | "failed";

interface KeyOncePanelProps {
  heading: string;
  apiKey: string;
  children?: ReactNode;
}

export function KeyOncePanel({ heading, apiKey, children }: KeyOncePanelProps) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopy("copied");
    } catch {
      input.current?.select();
      setCopy("failed");
    }
  }

  return (
    <section aria-labelledby="key-once-heading" className="card border-brand-500 p-4 sm:p-6" data-testid="key-once-panel">
      <h2 id="key-once-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-warn" data-testid="key-once-warning">
        This API key is shown once. Store it now: Sluice keeps only its hash and cannot show it again.
      </p>
      <label htmlFor="key-once-value" className="label mt-4">
        API key
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id="key-once-value"
          readOnly
          value={apiKey}
          className="input font-mono"
          data-testid="key-once-value"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="btn-secondary shrink-0" onClick={() => void copyKey()} data-testid="copy-key">
          Copy
        </button>
      </div>
      <p aria-live="polite" className="mt-1 min-h-5 text-sm" data-testid="copy-key-status">
        {copy === "copied" && <span className="text-ok">Copied</span>}
        {copy === "failed" && <span className="text-bad">Could not copy: the key is selected, copy it with your keyboard.</span>}
      </p>
      {children}
    </section>
  );
}
