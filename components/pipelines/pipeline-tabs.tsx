"use client";

// Tabs as ARIA describes them: arrows move between tabs, Home/End jump, Tab enters the panel.
// The chosen tab is the URL's hash, so a reload or a link opens the same section. Below sm the
// tab row becomes a select, so no label is cut short on a phone.
import { useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";

export interface TabSpec {
  id: string;
  label: string;
}

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The section named by the hash, the first one when it names none. */
export function useTabFromHash(tabs: readonly TabSpec[]): [string, (id: string) => void] {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash.slice(1),
    () => "",
  );
  const current = tabs.some((tab) => tab.id === hash) ? hash : (tabs[0]?.id ?? "");
  const select = (id: string) => {
    // replaceState: switching tabs does not fill the Back button's history.
    window.history.replaceState(window.history.state, "", `#${id}`);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  };
  return [current, select];
}

interface TabsProps {
  label: string;
  tabs: readonly TabSpec[];
  current: string;
  onSelect: (id: string) => void;
  render: (id: string) => ReactNode;
}

export function Tabs({ label, tabs, current, onSelect, render }: TabsProps) {
  const refs = useRef(new Map<string, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div>
      {/* On a phone the tabs do not fit in a row: the same sections as a menu, full names kept. */}
      <div className="sm:hidden">
        <label htmlFor="section-menu" className="label">
          Section
        </label>
        <select id="section-menu" className="input" value={current} onChange={(event) => onSelect(event.target.value)} data-testid="section-menu">
          {tabs.map((tab) => (
            <option key={tab.id} value={tab.id}>
              {tab.label}
            </option>
          ))}
        </select>
      </div>
      <div role="tablist" aria-label={label} className="hidden gap-1 border-b border-gray-200 sm:flex" data-testid="pipeline-tabs">
        {tabs.map((tab, index) => {
          const selected = tab.id === current;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) refs.current.set(tab.id, element);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                selected ? "border-brand-600 text-brand-700" : "border-transparent text-ink-muted hover:border-gray-300 hover:text-ink"
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== current}
          tabIndex={0}
          className="pt-5"
          data-testid={`panel-${tab.id}`}
        >
          {tab.id === current && render(tab.id)}
        </div>
      ))}
    </div>
  );
}
