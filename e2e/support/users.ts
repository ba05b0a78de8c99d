// The seeded accounts the specs sign in as: e2e/support/server.ts seeds the admin from these;
// the demo ones are copied from lib/domain/demo.ts, which would pull in the database code.
export const ADMIN = { email: "admin@example.com", password: "e2e-admin-password", name: "Admin" } as const;
export const ADMIN_TOKEN = "slt_e2e-admin-token-0123456789abcdef";
export const MEMBER = { email: "member@example.com", password: "member-password", name: "Mia Member" } as const;
export const GLOBEX_ADMIN = { email: "admin@globex.example", password: "globex-password", name: "Gus Globex" } as const;

export const ACME = { id: "acme_corp", name: "Acme Corp" } as const;
export const GLOBEX = { id: "globex", name: "Globex" } as const;

/** An email no earlier run used, so specs can run again against the same database. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}
