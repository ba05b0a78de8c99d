// Parameters and body fields as a list (not a table), so a long type or description wraps on a phone.
import type { Field } from "./openapi-view";
import { InlineText } from "./inline-text";

export function FieldList({ fields, nested = false }: { fields: Field[]; nested?: boolean }) {
  return (
    <ul className={nested ? "mt-2 space-y-2 border-l-2 border-gray-100 pl-3" : "divide-y divide-gray-100"}>
      {fields.map((field) => (
        <li key={field.name} className={nested ? "" : "py-2"} data-testid="field" data-name={field.name}>
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <code className="font-mono text-sm font-semibold text-ink [overflow-wrap:anywhere]">{field.name}</code>
            {field.location && <span className="text-xs text-ink-faint">in {field.location}</span>}
            <span className="font-mono text-xs text-ink-muted [overflow-wrap:anywhere]">{field.type}</span>
            {field.required ? (
              <span className="text-xs font-medium text-bad">required</span>
            ) : (
              <span className="text-xs text-ink-faint">optional</span>
            )}
            {field.rules.map((rule) => (
              <span key={rule} className="rounded bg-surface-sunken px-1.5 text-xs text-ink-muted">
                {rule}
              </span>
            ))}
          </div>
          {field.description && (
            <p className="mt-0.5 text-sm text-ink-muted">
              <InlineText text={field.description} />
            </p>
          )}
          {field.children.length > 0 && <FieldList fields={field.children} nested />}
        </li>
      ))}
    </ul>
  );
}
