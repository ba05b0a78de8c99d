// Rows of the issue that this bench does not measure yet: listed so the table says so.
import { notMeasured, type ResultRow } from "../table";

export function pendingRows(): ResultRow[] {
  return [
    notMeasured("f", "10,000 pipelines due in one minute, 3 workers", "all runs within 10 s; none twice"),
    notMeasured("g", "first-load JS of /pipelines; first rows in Chromium", "≤ 180 kB gzip; ≤ 1 s"),
    notMeasured("h", "web server peak RSS during (a)", "≤ 350 MB"),
  ];
}
