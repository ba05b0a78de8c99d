// Response bodies of the console's account routes: sign-in tokens, personal tokens, members, the
// caller (me), and the service's health.
import { ROLES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";

const role = z.enum(ROLES);

export const tokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to recognise it."),
  created_at: time,
  last_used_at: optionalTime,
  expires_at: optionalTime,
});
export const issuedTokenResponse = tokenResponse.extend({
  token: z.string().describe("The token itself, shown in this answer only (tokens are stored hashed)."),
});
export const signInTokenResponse = issuedTokenResponse.extend({ org: z.string().describe("The org the token acts in.") });
export const tokenListResponse = z.object({ results: z.array(tokenResponse) });

export const memberResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  joined_at: time,
});
export const memberListResponse = z.object({ results: z.array(memberResponse) });

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  org: z.string().describe("The current org's id (slug)."),
  role,
  orgs: z.array(z.object({ id: z.string(), name: z.string(), role })),
});

export const healthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  db: z.enum(["postgres", "pglite"]),
  version: z.string(),
  detail: z.string().optional(),
});
