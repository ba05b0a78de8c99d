"use client";

import Link from "next/link";
import { useState } from "react";
import { signOutTo } from "./auth-client";

export function SignOutForm() {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
      <Link href="/" className="btn-secondary" data-testid="sign-out-cancel">
        Cancel
      </Link>
      <button
        type="button"
        className="btn-primary"
        data-testid="sign-out-button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOutTo("/login").catch(() => setPending(false));
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
