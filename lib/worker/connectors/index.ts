import { httpSource } from "./http";
import { sampleSource } from "./sample";
import { ConnectorConfigError, type Source } from "./types";

const sources: Record<string, Source> = { sample: sampleSource, http: httpSource };

export function sourceFor(connector: string): Source {
  const source = sources[connector];
  if (!source) throw new ConnectorConfigError(`No source connector "${connector}" (built in: ${Object.keys(sources).join(", ")}).`);
  return source;
}

export * from "./types";
