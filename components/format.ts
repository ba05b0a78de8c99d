// One date format for the whole console, fixed to English so the tables read the same everywhere.
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function formatDateTime(value: string | null, fallback = "never"): string {
  return value ? dateTime.format(new Date(value)) : fallback;
}

export function formatDate(value: string): string {
  return dateOnly.format(new Date(value));
}

export function isPast(value: string | null): boolean {
  return value !== null && new Date(value).getTime() <= Date.now();
}
