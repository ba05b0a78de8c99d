/** One record read from a source: good records are stored, failed ones only counted. */
export interface SourceRecord {
  data: unknown;
  ok: boolean;
}

export interface ReadContext {
  config: Record<string, unknown>;
  /** The incremental cursor the last successful run of this job left, if any. */
  cursor: string | null;
  /** Stable per run and job, so a sample run is reproducible. */
  seed: string;
}

export interface Batch {
  records: SourceRecord[];
  /** The cursor once this batch is stored. */
  cursor: string | null;
}

export type Source = (context: ReadContext) => AsyncGenerator<Batch>;

export { ConnectorConfigError } from "@/lib/domain/destination-tables";
