// Who the client is, from the socket and X-Forwarded-For, and what the server in front of Next.js
// leaves of the X-Forwarded-* headers: never a value the client chose.
import { describe, expect, it } from "vitest";
import { CLIENT_HEADER, stampClientHeaders } from "@/lib/security/client-address";
import { clientFrom, forwardedHost, forwardedProto, headerEntries, normalizeAddress, trustedEntry } from "@/lib/security/forwarded";

describe("clientFrom(X-Forwarded-For, socket address, TRUST_PROXY)", () => {
  it.each([
    // [case, X-Forwarded-For, socket, hops, client]
    ["no proxy trusted: the socket, whatever the header says", "1.1.1.1, 9.9.9.9", "127.0.0.1", 0, "127.0.0.1"],
    ["no proxy trusted, no header", undefined, "203.0.113.5", 0, "203.0.113.5"],
    ["one proxy: the entry it appended", "1.1.1.1, 9.9.9.9", "127.0.0.1", 1, "9.9.9.9"],
    ["one proxy, spoofed entries on the left are ignored", "6.6.6.6, 7.7.7.7, 8.8.8.8, 9.9.9.9", "127.0.0.1", 1, "9.9.9.9"],
    ["one proxy, a single entry", "203.0.113.7", "127.0.0.1", 1, "203.0.113.7"],
    ["two proxies: the one the outer proxy wrote", "6.6.6.6, 203.0.113.7, 10.0.0.2", "10.0.0.3", 2, "203.0.113.7"],
    ["more hops than entries: the leftmost present", "203.0.113.7, 10.0.0.2", "10.0.0.3", 5, "203.0.113.7"],
    ["a trusted proxy that wrote nothing: its own address", undefined, "10.0.0.3", 1, "10.0.0.3"],
    ["an empty header: the socket", " , ", "10.0.0.3", 1, "10.0.0.3"],
    ["a mapped IPv4 socket address is the IPv4 address", undefined, "::ffff:127.0.0.1", 0, "127.0.0.1"],
    ["a mapped IPv4 entry is the IPv4 address", "::FFFF:203.0.113.7", "::1", 1, "203.0.113.7"],
    ["IPv6 entries are lower-cased", "2001:DB8::1", "::1", 1, "2001:db8::1"],
    ["a bracketed IPv6 entry with a port", "[2001:db8::1]:4711", "::1", 1, "2001:db8::1"],
    ["an IPv4 entry with a port", "203.0.113.7:4711", "::1", 1, "203.0.113.7"],
    ["an entry that is no address: the socket", "1.1.1.1, not-an-ip", "10.0.0.3", 1, "10.0.0.3"],
    ["repeated headers count as one list", ["1.1.1.1", "9.9.9.9"], "127.0.0.1", 1, "9.9.9.9"],
  ] as const)("%s", (_case, header, socket, hops, client) => {
    expect(clientFrom(header, socket, hops)).toBe(client);
  });

  it("a client changing the first hop on every try stays one client", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientFrom(`198.51.100.${i}, 203.0.113.7`, "127.0.0.1", 1)));
    expect([...seen]).toEqual(["203.0.113.7"]);
  });
});

describe("the pieces", () => {
  it("splits, trims and drops empty entries", () => {
    expect(headerEntries(" a , ,b,")).toEqual(["a", "b"]);
    expect(headerEntries(undefined)).toEqual([]);
    expect(headerEntries(null)).toEqual([]);
  });

  it("counts hops from the right", () => {
    expect(trustedEntry(["a", "b", "c"], 0)).toBeUndefined();
    expect(trustedEntry(["a", "b", "c"], 1)).toBe("c");
    expect(trustedEntry(["a", "b", "c"], 3)).toBe("a");
    expect(trustedEntry(["a", "b", "c"], 4)).toBe("a");
    expect(trustedEntry([], 1)).toBeUndefined();
  });

  it("normalizes addresses, and refuses what is none", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("1.2.3.4.5")).toBeNull();
  });

  it("believes X-Forwarded-Host/-Proto only from trusted hops, and only well-formed", () => {
    expect(forwardedHost("evil.example", 0)).toBeUndefined();
    expect(forwardedHost("evil.example, Pipelines.Example.com", 1)).toBe("pipelines.example.com");
    expect(forwardedHost("pipelines.example.com:8443", 1)).toBe("pipelines.example.com:8443");
    expect(forwardedHost("evil.example/path", 1)).toBeUndefined();
    expect(forwardedHost("user@evil.example", 1)).toBeUndefined();
    expect(forwardedProto("https", 0)).toBeUndefined();
    expect(forwardedProto("http, HTTPS", 1)).toBe("https");
    expect(forwardedProto("gopher", 1)).toBeUndefined();
  });
});

describe("stampClientHeaders: what Next.js gets to see", () => {
  it("with no trusted proxy: our header from the socket, a client-sent copy and every X-Forwarded-* gone", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "console.example",
      [CLIENT_HEADER]: "1.2.3.4",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
    };
    expect(stampClientHeaders(headers, "::ffff:192.0.2.10", 0)).toBe("192.0.2.10");
    expect(headers).toEqual({ host: "console.example", [CLIENT_HEADER]: "192.0.2.10" });
  });

  it("with one trusted proxy: the proxy's entries, reduced to the believed one", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "10.0.0.5:3000",
      [CLIENT_HEADER]: "6.6.6.6",
      "x-forwarded-for": "6.6.6.6, 203.0.113.7",
      "x-forwarded-host": "evil.example, pipelines.example.com",
      "x-forwarded-proto": "http, https",
    };
    expect(stampClientHeaders(headers, "127.0.0.1", 1)).toBe("203.0.113.7");
    expect(headers).toMatchObject({
      [CLIENT_HEADER]: "203.0.113.7",
      "x-forwarded-host": "pipelines.example.com",
      "x-forwarded-proto": "https",
    });
  });

  it("drops forwarded values that are not a host or a scheme", () => {
    const headers: Record<string, string | string[] | undefined> = { "x-forwarded-host": "a b", "x-forwarded-proto": "ftp" };
    stampClientHeaders(headers, "127.0.0.1", 1);
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-forwarded-proto"]).toBeUndefined();
  });
});
