/** One record read from a source: good records are stored, failed ones counted and their reason logged. */
export interface SourceRecord {
  data: unknown;
  ok: boolean;
  /** Why a failed record failed, in words for the run's log. */
  reason?: string;
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
