// What the import section checks before it reads a configuration file: kept apart from
// config-file.ts, whose zod schema is loaded only once a file is chosen.

/** Far above any real configuration (50 jobs at most), low enough to read without a pause. */
export const MAX_CONFIG_BYTES = 1_000_000;

export const NOT_A_CONFIG = "This file is not a Sluice pipeline configuration.";
