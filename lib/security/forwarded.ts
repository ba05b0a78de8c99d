// What the X-Forwarded-* headers may be believed about, given how many proxies stand in front.
//
// Each trusted proxy appends what it saw (X-Forwarded-For: the address that connected to it), so
// the last `hops` entries were written by our proxies and anything left of them by the client,
// who can put there whatever it likes. The entry the outermost trusted proxy wrote is therefore
// the `hops`-th from the right. With no trusted proxy, none of these headers is believed.
// Pure functions, so they are tested without a socket (the server in scripts/ applies them).
import { isIP } from "node:net";

/** The comma-separated entries of a header (repeated headers joined), trimmed, empty ones dropped. */
export function headerEntries(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const joined = typeof value === "string" ? value : value.join(",");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/**
 * The entry the outermost of `hops` trusted proxies wrote: the `hops`-th from the right, or the
 * leftmost when the header has fewer entries than that (a proxy that sets instead of appends).
 * Undefined when nothing is trusted or nothing was written.
 */
export function trustedEntry(entries: readonly string[], hops: number): string | undefined {
  if (hops < 1 || entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}

/**
 * One spelling per address, so a limit keyed on it cannot be escaped by writing it another way:
 * IPv4-mapped IPv6 (`::ffff:203.0.113.7`, what a dual-stack socket reports) becomes the IPv4
 * address, brackets and ports are dropped, IPv6 is lower-cased. Null when it is no IP address.
 */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? null : address;
}

/**
 * Who the client is: the address the outermost trusted proxy saw, or the socket's own peer with
 * no trusted proxy (or when the proxies wrote nothing usable: then the peer is all we know).
 */
export function clientFrom(forwardedFor: string | readonly string[] | null | undefined, socketAddress: string | undefined, hops: number): string {
  const peer = (socketAddress && normalizeAddress(socketAddress)) || socketAddress || "unknown";
  const claimed = trustedEntry(headerEntries(forwardedFor), hops);
  return (claimed && normalizeAddress(claimed)) || peer;
}

/** The scheme and host a trusted proxy was addressed with; undefined when untrusted or absent. */
export function forwardedProto(value: string | readonly string[] | null | undefined, hops: number): "http" | "https" | undefined {
  const proto = trustedEntry(headerEntries(value), hops)?.toLowerCase();
  return proto === "http" || proto === "https" ? proto : undefined;
}

// A host with an optional port: a DNS name, an IPv4 address or a bracketed IPv6 address. A Host
// header is the client's text; anything else (a path, userinfo, spaces) is not a host.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function validHost(value: string | null | undefined): string | undefined {
  const host = value?.trim().toLowerCase();
  return host && HOST.test(host) ? host : undefined;
}

export function forwardedHost(value: string | readonly string[] | null | undefined, hops: number): string | undefined {
  return validHost(trustedEntry(headerEntries(value), hops));
}
