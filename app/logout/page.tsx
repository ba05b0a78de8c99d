import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import Link from "next/link";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { authOptions } from "@/lib/auth/options";
import { headersSayHttps } from "@/lib/security/https";

export const metadata: Metadata = { title: "Sign out" };
export const dynamic = "force-dynamic";

export default async function LogoutPage() {
  const session = await getServerSession(authOptions(headersSayHttps(await headers())));
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="card w-full max-w-sm p-6">
        {session?.userId ? (
          <>
            <h1 className="mb-1 text-xl font-semibold">Sign out of Sluice?</h1>
            <p className="mb-6 text-sm text-ink-muted">
              You are signed in as <span className="font-medium text-ink">{session.user?.email}</span>.
            </p>
            <SignOutForm />
          </>
        ) : (
          <>
            <h1 className="mb-1 text-xl font-semibold">You are signed out</h1>
            <p className="mb-6 text-sm text-ink-muted">There is no Sluice session in this browser.</p>
            <Link href="/login" className="btn-primary w-full" data-testid="sign-in-link">
              Sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
