import type { SourceConnector } from "@/lib/vocabulary";
import { httpSource } from "./http";
import { sampleSource } from "./sample";
import { ConnectorConfigError, type Source } from "./types";

/** One reader per source connector of the vocabulary: a connector added there must be built here. */
const sources: Record<SourceConnector, Source> = { sample: sampleSource, http: httpSource };

export function sourceFor(connector: string): Source {
  const source = (sources as Record<string, Source | undefined>)[connector];
  if (!source) throw new ConnectorConfigError(`No source connector "${connector}" (built in: ${Object.keys(sources).join(", ")}).`);
  return source;
}

export * from "./types";
