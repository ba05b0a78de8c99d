// The actions and object types the audit log records, as the server writes them (lib/vocabulary.ts),
// with the words the console shows for the object types.
import { AUDIT_OBJECT_TYPES as OBJECT_TYPES, type AuditObjectType } from "@/lib/vocabulary";

export { AUDIT_ACTIONS } from "@/lib/vocabulary";

const LABELS: Record<AuditObjectType, string> = {
  pipeline: "Pipeline",
  execution: "Execution",
  pipeline_key: "Pipeline key",
  resource: "Connection",
  token: "Token",
  user: "Member",
};

export const AUDIT_OBJECT_TYPES = OBJECT_TYPES.map((value) => ({ value, label: LABELS[value] }));
