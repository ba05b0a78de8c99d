"use client";

import { useState, type FormEvent } from "react";
import { formErrors } from "@/components/api-client";
import { FormError } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import { useCreateToken, type IssuedToken } from "./use-tokens";

const FIELDS = ["name", "expires_in_days"] as const;

export function CreateTokenForm({ orgId, onCreated }: { orgId: string; onCreated: (issued: IssuedToken) => void }) {
  const createToken = useCreateToken(orgId);
  // The browser keeps what is typed in a number input to itself unless it is a number.
  const [notANumber, setNotANumber] = useState(false);
  const errors = formErrors(createToken.error, FIELDS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const expires = form.elements.namedItem("expires_in_days");
    if (expires instanceof HTMLInputElement && expires.validity.badInput) {
      setNotANumber(true);
      return;
    }
    setNotANumber(false);
    const data = new FormData(form);
    const days = String(data.get("expires_in_days") ?? "").trim();
    createToken.mutate(
      { name: String(data.get("name") ?? ""), expires_in_days: days === "" ? null : Number(days) },
      { onSuccess: onCreated },
    );
  }

  return (
    <section aria-labelledby="create-token-heading" className="card p-4 sm:p-6">
      <h2 id="create-token-heading" className="mb-4 text-lg font-semibold">
        Create a token
      </h2>
      <form onSubmit={submit} noValidate className="space-y-4" data-testid="create-token-form">
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <TextField
            id="token-name"
            name="name"
            label="Name"
            placeholder="e.g. nightly export"
            autoComplete="off"
            required
            maxLength={100}
            error={errors.field("name")}
          />
          <TextField
            id="token-expires"
            name="expires_in_days"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            label="Expires in (days)"
            hint="Leave empty for a token that never expires."
            error={notANumber ? "Enter a whole number of days." : errors.field("expires_in_days")}
          />
        </div>
        <FormError messages={errors.general} testId="create-token-error" />
        <div className="flex justify-end">
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={createToken.isPending} data-testid="create-token-submit">
            {createToken.isPending ? "Creating…" : "Create token"}
          </button>
        </div>
      </form>
    </section>
  );
}
