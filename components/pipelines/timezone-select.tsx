"use client";

// Every IANA timezone the browser knows, UTC first.
import { useMemo } from "react";

function timezones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const list = ["UTC", ...known.filter((zone) => zone !== "UTC")];
  return current && !list.includes(current) ? [current, ...list] : list;
}

interface TimezoneSelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  describedBy?: string;
}

export function TimezoneSelect({ id, value, onChange, error, disabled, describedBy }: TimezoneSelectProps) {
  const options = useMemo(() => timezones(value), [value]);
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="label">
        Timezone
      </label>
      <select
        id={id}
        className={`input ${error ? "border-bad" : ""}`}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, error ? errorId : null].filter(Boolean).join(" ") || undefined}
        onChange={(event) => onChange(event.target.value)}
        data-testid="timezone"
      >
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-bad">
          {error}
        </p>
      )}
    </div>
  );
}
