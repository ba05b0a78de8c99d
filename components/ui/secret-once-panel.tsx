"use client";

// A secret right after it was made (a personal token, a pipeline key): the only time it can be
// read, since Sluice keeps only its hash. Selected on arrival, with a copy button and a warning.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type CopyState = "idle" | "copied" | "failed";

export interface SecretOncePanelProps {
  heading: ReactNode;
  /** What the secret is, in the label and messages: "API key", "Token". */
  noun: string;
  secret: string;
  warning: string;
  /** data-testid names of the parts, so specs can find them. */
  testIds: { panel: string; warning: string; value: string; copy: string; status: string };
  children?: ReactNode;
}

export function SecretOncePanel({ heading, noun, secret, warning, testIds, children }: SecretOncePanelProps) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      input.current?.select();
      setCopy("failed");
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card border-brand-500 p-4 sm:p-6" data-testid={testIds.panel}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-warn" data-testid={testIds.warning}>
        {warning}
      </p>
      <label htmlFor={`${id}-value`} className="label mt-4">
        {noun}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={`${id}-value`}
          readOnly
          value={secret}
          className="input font-mono"
          data-testid={testIds.value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="btn-secondary shrink-0" onClick={() => void copySecret()} data-testid={testIds.copy}>
          Copy
        </button>
      </div>
      <p aria-live="polite" className="mt-1 min-h-5 text-sm" data-testid={testIds.status}>
        {copy === "copied" && <span className="text-ok">Copied</span>}
        {copy === "failed" && <span className="text-bad">Could not copy: the {noun.toLowerCase()} is selected, copy it with your keyboard.</span>}
      </p>
      {children}
    </section>
  );
}
