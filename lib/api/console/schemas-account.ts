// Request schemas of sign-in, personal tokens and members: used by handlers, forms and OpenAPI.
import { ROLES } from "@/lib/vocabulary";
import { z } from "../messages";

const email = z.string().trim().max(254).pipe(z.email("Enter a valid email address."));

export const tokenName = z.string().trim().min(1, "This field may not be blank.").max(100);
export const expiresInDays = z.number().int().min(1).max(3650).nullable().optional();

export const issueTokenRequest = z.object({
  email,
  password: z.string().min(1, "This field may not be blank.").max(1024),
  org: z.string().min(1, "This field may not be blank.").max(63),
  name: tokenName.default("API token"),
  expires_in_days: expiresInDays.describe("Days until the token expires; omitted or null: the server's TOKEN_TTL_DAYS (90 by default)."),
});

export const createTokenRequest = z.object({
  name: tokenName,
  expires_in_days: expiresInDays,
});

export const addMemberRequest = z.object({
  email,
  name: z.string().trim().min(1, "This field may not be blank.").max(100),
  password: z.string().min(8, "Ensure this field has at least 8 characters.").max(1024),
  role: z.enum(ROLES).default("member"),
});
export type AddMemberRequest = z.infer<typeof addMemberRequest>;

export const changeRoleRequest = z.object({
  role: z.enum(ROLES),
  reason: z.string().trim().max(500).optional(),
});

export const switchOrgRequest = z.object({ orgId: z.string().min(1) });

export function expiryFrom(days: number | null | undefined): Date | null {
  return days ? new Date(Date.now() + days * 86_400_000) : null;
}
