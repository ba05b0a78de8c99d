// f. A token revoked through instance A is refused by instance B on its very next request,
// although B remembers who the token speaks for (lib/api/principal-cache.ts): the revoke's
// NOTIFY reaches B before the client's next request does. Each trial warms B with the token,
// revokes it on A, and asks B at once.
import { Client, field } from "../../reliability/support/http";
import { ORG } from "../../reliability/support/config";
import type { Section } from "../../reliability/support/report";
import { config } from "../support/config";
import type { Ctx } from "../support/context";

export async function tokenRevokeCheck(section: Section, ctx: Ctx): Promise<void> {
  const [a, b] = ctx.dep.webs as [(typeof ctx.dep.webs)[0], (typeof ctx.dep.webs)[0]];
  const onA = new Client(a.url, section);
  const onB = new Client(b.url, section);
  const tokens = `/api/v1/orgs/${ORG}/tokens`;
  let refused = 0;
  for (let trial = 1; trial <= config.revokeTrials; trial++) {
    const made = await onA.call("POST", tokens, { body: { name: `deploy revoke ${trial}` } });
    if (made.status !== 201) throw new Error(`create a token on A: ${made.status} ${made.text.slice(0, 200)}`);
    const token = field<string>(made.json, "token");
    const id = field<string>(made.json, "id");
    for (let i = 0; i < 3; i++) {
      const warm = await onB.call("GET", "/api/v1/me", { token });
      if (warm.status !== 200) throw new Error(`trial ${trial}: B refused a live token: ${warm.status}`);
    }
    const revoked = await onA.call("DELETE", `${tokens}/${id}`);
    if (revoked.status !== 204) throw new Error(`trial ${trial}: revoke on A: ${revoked.status} ${revoked.text.slice(0, 200)}`);
    const next = await onB.call("GET", "/api/v1/me", { token });
    if (next.status === 401) refused++;
    else section.fail(`trial ${trial}: B answered ${next.status} to a token A had revoked`);
    const onItsOwn = await onA.call("GET", "/api/v1/me", { token });
    if (onItsOwn.status !== 401) section.fail(`trial ${trial}: A answered ${onItsOwn.status} to the token it had revoked`);
  }
  section.note(`token revoked on ${a.name}, next request on ${b.name}: refused in ${refused}/${config.revokeTrials} trials`);
}
