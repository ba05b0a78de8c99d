// The frame of every signed-in page: product name, navigation, org switcher and the user.
import Link from "next/link";
import type { ReactNode } from "react";
import { ConsoleNav } from "./console-nav";
import { OrgSwitcher } from "./org-switcher";

export function ConsoleShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        {/* Narrow screens: brand and user on the first row, nav and org on the second. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 md:gap-x-6 md:px-6">
          <Link href="/" className="order-1 text-lg font-semibold tracking-tight text-brand-700" data-testid="brand">
            Sluice
          </Link>
          <div className="order-2 ml-auto flex min-w-0 items-center gap-3 text-sm md:order-4 md:ml-0">
            <span className="min-w-0 max-w-[13rem] truncate text-ink-muted md:max-w-[16rem]" title={email} data-testid="user-email">
              {email}
            </span>
            <Link href="/logout" className="shrink-0 font-medium text-brand-700 hover:underline" data-testid="sign-out-link">
              Sign out
            </Link>
          </div>
          <div aria-hidden className="order-3 h-0 basis-full md:hidden" />
          <ConsoleNav className="order-4 md:order-2" />
          <div className="order-5 ml-auto md:order-3">
            <OrgSwitcher />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 md:px-6">{children}</main>
    </div>
  );
}
