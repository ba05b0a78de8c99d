import { HydrationBoundary } from "@tanstack/react-query";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { askMe, meState } from "@/app/(console)/_server/server-answers";
import { ConsoleShell } from "@/components/console/console-shell";
import { LiveEventsProvider } from "@/components/live/live-events";
import { authOptions } from "@/lib/auth/options";
import { headersSayHttps } from "@/lib/security/https";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions(headersSayHttps(await headers())));
  // No org left to show (removed from all of them): back to sign-in.
  if (!session?.userId || !session.orgId) redirect("/login");
  // Keyed by org: switching org remounts every page, so no view keeps the old org's state.
  // Who is signed in goes into the first HTML: the shell and every page read it at once.
  const me = await askMe();
  const shell = (
    <LiveEventsProvider key={session.orgId} orgId={session.orgId}>
      <ConsoleShell email={session.user?.email ?? ""}>{children}</ConsoleShell>
    </LiveEventsProvider>
  );
  return me ? <HydrationBoundary state={meState(me)}>{shell}</HydrationBoundary> : shell;
}
