// Reading a configuration file chosen on /pipelines/new, in the browser: what it is, or in plain
// words why it is not something Sluice can import, before anything is sent.
import { pipelineConfigDocument, type PipelineConfigDocument } from "@/lib/api/console/schemas-decommission";
import { CONFIG_FORMAT } from "./config-document";
import { NOT_A_CONFIG } from "./config-limits";

export { MAX_CONFIG_BYTES, NOT_A_CONFIG } from "./config-limits";

export type ConfigFileRead = { ok: true; config: PipelineConfigDocument } | { ok: false; problems: string[] };

export function readPipelineConfig(text: string): ConfigFileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [`${NOT_A_CONFIG} It is not JSON.`] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || !("format" in value)) {
    return { ok: false, problems: [`${NOT_A_CONFIG} It has no "format": "${CONFIG_FORMAT}".`] };
  }
  if (value.format !== CONFIG_FORMAT) {
    return { ok: false, problems: [`${NOT_A_CONFIG} Its format is ${JSON.stringify(value.format)}; this Sluice reads "${CONFIG_FORMAT}".`] };
  }
  const parsed = pipelineConfigDocument.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  // The same rules as the server's, so a file refused here would be refused there too.
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)),
  };
}
