// The actions and object types the audit log records, as the server writes them.
export const AUDIT_ACTIONS = [
  "pipeline.create",
  "pipeline.update",
  "pipeline.pause",
  "pipeline.resume",
  "pipeline.share",
  "pipeline.delete",
  "pipeline.execute",
  "execution.stop",
  "storage.clear",
  "key.create",
  "key.update",
  "key.delete",
  "token.create",
  "token.revoke",
  "member.add",
  "member.remove",
  "member.role",
  "resource.create",
  "resource.delete",
] as const;

export const AUDIT_OBJECT_TYPES = [
  { value: "pipeline", label: "Pipeline" },
  { value: "execution", label: "Execution" },
  { value: "pipeline_key", label: "Pipeline key" },
  { value: "resource", label: "Connection" },
  { value: "token", label: "Token" },
  { value: "user", label: "Member" },
] as const;
