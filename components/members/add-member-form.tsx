"use client";

import { useState, type FormEvent } from "react";
import { formErrors } from "@/components/api-client";
import type { Role } from "@/components/console/use-me";
import { FormError } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import { useAddMember } from "./use-members";

const FIELDS = ["email", "name", "password", "role"] as const;

export function AddMemberForm({ orgId }: { orgId: string }) {
  const addMember = useAddMember(orgId);
  const [added, setAdded] = useState<string | null>(null);
  const errors = formErrors(addMember.error, FIELDS);
  const fieldError = errors.field;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const role: Role = data.get("role") === "admin" ? "admin" : "member";
    setAdded(null);
    addMember.mutate(
      {
        email: String(data.get("email") ?? ""),
        name: String(data.get("name") ?? ""),
        password: String(data.get("password") ?? ""),
        role,
      },
      {
        onSuccess: (member) => {
          form.reset();
          setAdded(`${member.name} (${member.email}) was added as ${member.role}.`);
        },
      },
    );
  }

  return (
    <section aria-labelledby="add-member-heading" className="card p-4 sm:p-6">
      <h2 id="add-member-heading" className="text-lg font-semibold">
        Add member
      </h2>
      <p className="mb-4 mt-1 text-sm text-ink-muted">
        Someone new signs in with the password you set here. Someone who already has a Sluice account keeps their own
        password.
      </p>
      <form onSubmit={submit} noValidate className="space-y-4" data-testid="add-member-form">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="member-email" name="email" type="email" label="Email" autoComplete="off" required error={fieldError("email")} />
          <TextField id="member-name" name="name" label="Name" autoComplete="off" required error={fieldError("name")} />
          <TextField
            id="member-password"
            name="password"
            type="password"
            label="Password"
            autoComplete="new-password"
            required
            minLength={8}
            hint="At least 8 characters."
            error={fieldError("password")}
          />
          <div>
            <label htmlFor="member-role" className="label">
              Role
            </label>
            <select
              id="member-role"
              name="role"
              defaultValue="member"
              className="input"
              data-testid="member-role"
              aria-invalid={fieldError("role") ? true : undefined}
              aria-describedby={fieldError("role") ? "member-role-error" : undefined}
            >
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
            {fieldError("role") && (
              <p id="member-role-error" role="alert" className="mt-1 text-sm text-bad">
                {fieldError("role")}
              </p>
            )}
          </div>
        </div>
        <FormError messages={errors.general} testId="add-member-error" />
        {added && (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-ok" data-testid="add-member-success">
            {added}
          </p>
        )}
        <div className="flex justify-end">
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={addMember.isPending} data-testid="add-member-submit">
            {addMember.isPending ? "Adding…" : "Add member"}
          </button>
        </div>
      </form>
    </section>
  );
}
