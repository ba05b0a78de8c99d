// next-auth: email + password sign-in, JWT session carrying the user id and the current org.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orgsOfUser, roleIn } from "@/lib/domain/members";
import { verifyCredentials } from "@/lib/domain/users";
import { sessionCookie } from "./cookies";
import { authSecret } from "./secret";

const credentialsSchema = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });
const orgSwitchSchema = z.object({ orgId: z.string().min(1) });

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * `secure`: whether this request came over HTTPS (lib/security/https.ts). Decided per request,
 * not from NEXTAUTH_URL per process, so the cookie next-auth sets is the one every reader asks for.
 */
export function authOptions(secure: boolean): NextAuthOptions {
  return {
    secret: authSecret(),
    // next-auth's other cookies (CSRF, callback URL) follow: __Host-/__Secure- and Secure over HTTPS.
    useSecureCookies: secure,
    cookies: { sessionToken: sessionCookie(secure) },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const db = await getDb();
          const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!user) return null;
          const [firstOrg] = await orgsOfUser(db, user.id);
          if (!firstOrg) return null; // a user in no org has nothing to see
          return { id: user.id, email: user.email, name: user.name, orgId: firstOrg.id };
        },
      }),
    ],
    callbacks: {
      // next-auth's own rule throws on a callbackUrl that is neither a path nor an absolute URL
      // ("fz_1", from anyone, signed in or not: a 500). Here: our paths, our origin, else home;
      // "//host" (a path to the browser, another site) is no path of ours.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === new URL(baseUrl).origin) return url;
        } catch {
          // not a URL at all
        }
        return baseUrl;
      },
      async jwt({ token, user, trigger, session }) {
        if (user) {
          token.uid = user.id;
          token.orgId = (user as { orgId?: string }).orgId;
        }
        if (!user && trigger !== "update" && token.uid && token.orgId) {
          // Removed from the current org since signing in: move to another org of theirs, if any.
          const db = await getDb();
          if (!(await roleIn(db, token.orgId, token.uid))) token.orgId = (await orgsOfUser(db, token.uid))[0]?.id;
        }
        if (trigger === "update") {
          // Switching org: only to an org the user belongs to, checked here on the server.
          const parsed = orgSwitchSchema.safeParse(session);
          if (parsed.success && typeof token.uid === "string") {
            const role = await roleIn(await getDb(), parsed.data.orgId, token.uid);
            if (role) token.orgId = parsed.data.orgId;
          }
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.uid as string, orgId: token.orgId as string };
      },
    },
  };
}
