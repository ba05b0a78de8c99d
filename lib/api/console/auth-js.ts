// The bodies of the Auth.js (next-auth 4) endpoints the console and scripts use; Auth.js parses
// them itself, so these schemas only document what it reads and answers.
import { switchOrgRequest } from "@/lib/api/console/schemas-account";
import { z } from "@/lib/api/messages";

const csrfToken = z.string().describe("From GET /api/auth/csrf; the csrf cookie must be sent too.");
const json = z.literal("true").optional().describe('"true": answer with {url} instead of a Location header.');

export const csrfResponse = z.object({ csrfToken: z.string() });

export const providersResponse = z.record(
  z.string(),
  z.object({ id: z.string(), name: z.string(), type: z.string(), signinUrl: z.url(), callbackUrl: z.url() }),
);

export const sessionResponse = z
  .object({
    user: z.object({ name: z.string().nullish(), email: z.string().nullish(), image: z.string().nullish() }),
    expires: z.iso.datetime({ offset: true }),
    userId: z.uuid(),
    orgId: z.string().describe("The current org: the one /api/v1/me and the console act in."),
  })
  .partial()
  .describe("Empty ({}) when not signed in.");

export const redirectResponse = z.object({ url: z.string() });

export const credentialsSignInForm = z.object({
  csrfToken,
  email: z.string(),
  password: z.string(),
  callbackUrl: z.string().optional(),
  json,
});

export const signOutForm = z.object({ csrfToken, callbackUrl: z.string().optional(), json });

export const sessionUpdateRequest = z.object({
  csrfToken,
  data: switchOrgRequest.describe("The org to switch to; refused silently unless the user is a member."),
});
