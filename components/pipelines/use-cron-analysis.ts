"use client";

// The editor's analysis of (value, timezone) without croner and cronstrue up front: an empty
// schedule needs neither, the saved schedule comes analysed from the server, and anything else
// waits for ./cron-analysis, fetched as soon as the user reaches for the editor. Until it is
// here the last analysis stays on screen (no flash, no shift), for the moment a fetch takes.
import { useEffect, useMemo, useState } from "react";
import type { AnalysedCron, CronAnalysis } from "./cron-analysis";

type Analyser = (cron: string, timezone: string) => CronAnalysis;

let loading: Promise<Analyser> | null = null;

function loadAnalyser(): Promise<Analyser> {
  loading ??= import("./cron-analysis").then(
    (module) => module.analyseCron,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

const EMPTY: Omit<CronAnalysis, "timezone"> = { empty: true, problems: [], words: null, runs: [] };

export function useCronAnalysis(value: string, timezone: string, initial?: AnalysedCron): { analysis: CronAnalysis; preload: () => void } {
  const [analyser, setAnalyser] = useState<Analyser | null>(null);
  const known = useMemo((): CronAnalysis | null => {
    if (!value.trim()) return { ...EMPTY, timezone };
    if (initial && initial.cron === value && initial.timezone === timezone) return initial.analysis;
    return analyser ? analyser(value, timezone) : null;
  }, [value, timezone, initial, analyser]);
  const [last, setLast] = useState<CronAnalysis>(() => known ?? { ...EMPTY, timezone });
  if (known && known !== last) setLast(known);

  const needed = known === null;
  const preload = useMemo(
    () => () => {
      loadAnalyser().then(
        (analyse) => setAnalyser(() => analyse),
        () => undefined,
      );
    },
    [],
  );
  useEffect(() => {
    if (needed) preload();
  }, [needed, preload]);
  return { analysis: known ?? last, preload };
}
