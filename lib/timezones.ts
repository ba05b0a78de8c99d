// Timezones by their current IANA names, for the server and the browser alike (no server imports).
// ICU (Node's and the browsers' Intl) still answers with legacy ids such as Asia/Calcutta or
// Europe/Kiev; each known legacy id maps here to the name the IANA database now uses.

/** Legacy or alias id → the canonical IANA name. */
const ALIASES: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Asia/Macao": "Asia/Macau",
  "Asia/Ujung_Pandang": "Asia/Makassar",
  "Asia/Ashkhabad": "Asia/Ashgabat",
  "Asia/Tel_Aviv": "Asia/Jerusalem",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
  "Etc/UTC": "UTC",
  "Etc/UCT": "UTC",
  "Etc/Universal": "UTC",
  "Etc/Zulu": "UTC",
  UCT: "UTC",
  Universal: "UTC",
  Zulu: "UTC",
};

// Asking ICU costs ~0.1 ms (an Intl.DateTimeFormat is built each time), and a list page asks once
// per pipeline: answers are remembered. Bounded, since the names asked come from clients; past
// the bound the memory starts over rather than growing.
const MEMO_LIMIT = 2_000;
const memo = new Map<string, string | null>();

/** The IANA name a timezone id is now known by, or null when no timezone has that name. */
export function canonicalTimezone(name: string): string | null {
  const known = memo.get(name);
  if (known !== undefined) return known;
  const answer = resolveTimezone(name);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(name, answer);
  return answer;
}

function resolveTimezone(name: string): string | null {
  const text = name.trim();
  if (!text) return null;
  let resolved: string;
  try {
    // Case-insensitive, and answers ICU's own id (often the legacy one) for any alias it knows.
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return ALIASES[resolved] ?? ALIASES[text] ?? resolved;
}

/** Whether `name` is a timezone this server and the browser know (under any of its names). */
export function isValidTimezone(name: string): boolean {
  return canonicalTimezone(name) !== null;
}

/** A few zones for the rare browser without Intl.supportedValuesOf. */
const FALLBACK = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"];

let zones: string[] | null = null;

/** Every canonical zone, UTC first, then by name; each once. */
export function timezoneNames(): string[] {
  if (zones) return zones;
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : FALLBACK;
  const names = new Set(known.map((zone) => ALIASES[zone] ?? zone));
  names.delete("UTC");
  zones = ["UTC", ...[...names].sort()];
  return zones;
}

/** The zone's offset from UTC at `at`, as "UTC+05:30", "UTC-03:00" or "UTC+00:00". */
export function utcOffset(timezone: string, at: Date = new Date()): string {
  let label = "GMT";
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "longOffset" }).formatToParts(at);
    label = parts.find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  } catch {
    // unknown zone: shown as UTC
  }
  const match = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(label);
  if (!match) return "UTC+00:00";
  return `UTC${match[1]}${match[2]!.padStart(2, "0")}:${match[3] ?? "00"}`;
}

/** "Asia/Kolkata (UTC+05:30)". */
export function timezoneLabel(timezone: string, at: Date = new Date()): string {
  return `${timezone} (${utcOffset(timezone, at)})`;
}
