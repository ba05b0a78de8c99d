// The run chart's vertical scale: logarithmic, so one 1 h 09 min run does not flatten the 30 s
// runs beside it to a line. Pure, so it is unit-tested.

/** A bar's height as a share of the chart (0–1) for a run of `seconds` when the longest took `longest`. */
export function barShare(seconds: number, longest: number): number {
  if (!(longest > 0) || !(seconds > 0)) return 0;
  return Math.min(1, Math.log1p(seconds) / Math.log1p(longest));
}

/** The axis marks in seconds: round durations below the longest run, on the same log scale. */
const MARKS = [1, 10, 60, 600, 3_600, 36_000, 86_400];

export function axisMarks(longest: number): number[] {
  return MARKS.filter((mark) => mark < longest * 0.8 && mark >= 1);
}
