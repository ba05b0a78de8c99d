"use client";

// A timezone by its canonical IANA name, found by typing: a combobox (ARIA 1.2 pattern) whose
// listbox shows each zone with its current offset, "Asia/Kolkata (UTC+05:30)". Old names
// (Asia/Calcutta) are shown by their current one, as the API stores them.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { canonicalTimezone, timezoneNames, utcOffset } from "@/lib/timezones";

interface TimezoneSelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  describedBy?: string;
}

interface Zone {
  name: string;
  label: string;
  /** What a search is matched against: the name with spaces for "_", and the offset. */
  haystack: string;
}

function zoneList(): Zone[] {
  const now = new Date();
  return timezoneNames().map((name) => {
    const label = `${name} (${utcOffset(name, now)})`;
    return { name, label, haystack: `${name} ${name.replaceAll("_", " ")} ${label}`.toLowerCase() };
  });
}

export function TimezoneSelect({ id, value, onChange, error, disabled, describedBy }: TimezoneSelectProps) {
  const zones = useMemo(() => zoneList(), []);
  const current = canonicalTimezone(value) ?? value;
  const currentLabel = zones.find((zone) => zone.name === current)?.label ?? current;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = `${id}-listbox`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const optionPrefix = `${useId().replaceAll(":", "")}-tz`;

  const matches = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return words.length ? zones.filter((zone) => words.every((word) => zone.haystack.includes(word))) : zones;
  }, [query, zones]);

  function show(next: boolean) {
    setOpen(next);
    setQuery("");
    setActive(Math.max(0, zones.findIndex((zone) => zone.name === current)));
  }

  function choose(zone: Zone | undefined) {
    if (!zone) return;
    onChange(zone.name);
    setOpen(false);
    setQuery("");
  }

  function move(to: number) {
    const index = Math.min(Math.max(to, 0), Math.max(matches.length - 1, 0));
    setActive(index);
    listRef.current?.querySelector(`#${CSS.escape(`${optionPrefix}-${index}`)}`)?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return show(true);
      move(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      if (!open) return;
      event.preventDefault(); // chooses the zone, does not submit the form
      choose(matches[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setQuery("");
    }
  }

  const activeId = open && matches[active] ? `${optionPrefix}-${active}` : undefined;
  return (
    <div className="relative">
      <label htmlFor={id} className="label">
        Timezone
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        className={`input ${error ? "border-bad" : ""}`}
        value={open ? query : currentLabel}
        placeholder={open ? currentLabel : undefined}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, describedBy, error ? errorId : null].filter(Boolean).join(" ")}
        onFocus={() => show(true)}
        onClick={() => !open && show(true)}
        onBlur={() => {
          setOpen(false);
          setQuery("");
        }}
        onChange={(event) => {
          setOpen(true);
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="timezone"
      />
      <p id={hintId} className="mt-1 text-xs text-ink-faint">
        Type to search, e.g. &quot;kolkata&quot; or &quot;+05:30&quot;; the schedule is read in this zone.
      </p>
      {open && (
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Matching zones"
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-gray-200 bg-white py-1 text-sm shadow-lg"
          data-testid="timezone-options"
        >
          {matches.length === 0 && (
            <li role="presentation" className="px-3 py-1.5 text-ink-muted">
              No timezone matches &quot;{query}&quot;.
            </li>
          )}
          {matches.map((zone, index) => (
            <li
              key={zone.name}
              id={`${optionPrefix}-${index}`}
              role="option"
              aria-selected={zone.name === current}
              className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-brand-50 text-brand-700" : ""} ${zone.name === current ? "font-semibold" : ""}`}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(zone);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {zone.label}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-bad">
          {error}
        </p>
      )}
    </div>
  );
}
