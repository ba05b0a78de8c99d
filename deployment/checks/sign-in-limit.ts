// c. The sign-in limit holds across both instances and a new X-Forwarded-For does not reset it:
// 20 failed sign-ins through the proxy, each with a different X-Forwarded-For, are refused with
// 429 from the 6th (5 per client and email), whichever instance answers; meanwhile a correct
// sign-in from another client still works.
//
// "Another client" is real: it connects to the proxy from 127.0.0.2, so haproxy appends that
// address (option forwardfor) and the instances, trusting one hop, count it apart. The flood's
// own X-Forwarded-For values are the client's words, left of what haproxy appends, and ignored.
import http from "node:http";
import { ADMIN_PASSWORD, ORG } from "../../reliability/support/config";
import type { Section } from "../../reliability/support/report";
import { OTHER_CLIENT_ADDRESS } from "../support/config";
import type { Ctx } from "../support/context";

interface Answer {
  status: number;
  instance: string;
  body: string;
}

/** POST /api/auth/token through the proxy, from `localAddress`, with extra headers. */
function signIn(base: string, password: string, localAddress: string, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify({ email: "admin@example.com", password, org: ORG });
  const url = new URL("/api/auth/token", base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress, agent: false, timeout: 15_000, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, instance: String(res.headers["x-sluice-instance"] ?? "?"), body: text }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

export async function signInLimitCheck(section: Section, ctx: Ctx): Promise<void> {
  const flood: Answer[] = [];
  let other: Answer | null = null;
  for (let i = 1; i <= 20; i++) {
    flood.push(await signIn(ctx.dep.url, "wrong-password", "127.0.0.1", { "x-forwarded-for": `203.0.113.${i}` }));
    section.requests++;
    // Half-way through the flood, when the flooding client is already refused.
    if (i === 10) {
      other = await signIn(ctx.dep.url, ADMIN_PASSWORD, OTHER_CLIENT_ADDRESS);
      section.requests++;
    }
  }
  const statuses = flood.map((a) => a.status);
  const firstRefused = statuses.indexOf(429) + 1;
  const wrong = statuses.filter((s, i) => (i < 5 ? s !== 401 : s !== 429)).length;
  const refusedBy = [...new Set(flood.filter((a) => a.status === 429).map((a) => a.instance))].sort();
  if (wrong) section.fail(`20 failed sign-ins with 20 different X-Forwarded-For values answered ${statuses.join(" ")}: wanted 401 five times, then 429 from the 6th`);
  if (refusedBy.length < ctx.dep.webs.length) section.fail(`429s came only from ${refusedBy.join(", ") || "nobody"}: the limit was not shown to hold on every instance`);
  if (other?.status !== 201) section.fail(`a correct sign-in from ${OTHER_CLIENT_ADDRESS} during the flood answered ${other?.status}: ${other?.body.slice(0, 200)}`);
  section.note(
    `20 failed sign-ins from 127.0.0.1 with 20 different X-Forwarded-For through the proxy: ${statuses.join(" ")} (first 429 at #${firstRefused || "none"}; 429 from ${refusedBy.join(" and ") || "nobody"})`,
  );
  section.note(`a correct sign-in from ${OTHER_CLIENT_ADDRESS} during the flood: ${other?.status} (served by ${other?.instance})`);
}
