"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Overview" },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/executions", label: "Executions" },
  { href: "/connections", label: "Connections" },
  { href: "/audit", label: "Audit" },
  { href: "/members", label: "Members" },
  { href: "/tokens", label: "Tokens" },
  { href: "/api-reference", label: "API" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function ConsoleNav({ className = "" }: { className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className={className}>
      <ul className="flex flex-wrap gap-1">
        {links.map(({ href, label }) => {
          const current = isCurrent(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                data-testid={`nav-${label.toLowerCase()}`}
                className={`block rounded-md px-2 py-1.5 sm:px-3 text-sm font-medium ${
                  current ? "bg-brand-50 text-brand-700" : "text-ink-muted hover:bg-surface-sunken hover:text-ink"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
