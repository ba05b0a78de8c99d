"use client";

// Filters of the audit log: who, which action, which object. Applied on submit, so a half-typed
// id does not send a request per key.
import { useState, type FormEvent } from "react";
import { AUDIT_ACTION_LABELS } from "@/components/labels";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "./audit-vocabulary";
import { NO_FILTERS, type AuditFilters } from "./use-audit";

export function AuditFiltersForm({ applied, onApply, isAdmin }: { applied: AuditFilters; onApply: (filters: AuditFilters) => void; isAdmin: boolean }) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  const active = Object.values(applied).some((value) => value.trim() !== "");

  return (
    <form onSubmit={submit} className="card space-y-4 p-4 sm:p-6" aria-labelledby="audit-filters-heading" data-testid="audit-filters">
      <h2 id="audit-filters-heading" className="text-lg font-semibold">
        Filter
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="audit-actor" className="label">
            Actor
          </label>
          <input
            id="audit-actor"
            className="input"
            value={draft.actor}
            onChange={set("actor")}
            placeholder={isAdmin ? "email or user id" : "your email"}
            autoComplete="off"
            aria-describedby="audit-actor-hint"
            data-testid="audit-actor"
          />
          <p id="audit-actor-hint" className="mt-1 text-xs text-ink-faint">
            Exact email or user id.
          </p>
        </div>
        <div>
          <label htmlFor="audit-action" className="label">
            Action
          </label>
          <select id="audit-action" className="input" value={draft.action} onChange={set("action")} data-testid="audit-action">
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-object-type" className="label">
            Object type
          </label>
          <select id="audit-object-type" className="input" value={draft.object_type} onChange={set("object_type")} data-testid="audit-object-type">
            <option value="">Any type</option>
            {AUDIT_OBJECT_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-object-id" className="label">
            Object id
          </label>
          <input id="audit-object-id" className="input font-mono" value={draft.object_id} onChange={set("object_id")} autoComplete="off" data-testid="audit-object-id" />
        </div>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {active && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
            data-testid="audit-clear-filters"
          >
            Clear filters
          </button>
        )}
        <button type="submit" className="btn-primary" data-testid="audit-apply">
          Apply filters
        </button>
      </div>
    </form>
  );
}
