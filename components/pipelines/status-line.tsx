// The one line where a page says how its last action went; polite, so it never interrupts.
export interface Outcome {
  text: string;
  ok: boolean;
}

export function StatusLine({ outcome, testId = "status-line" }: { outcome: Outcome | null; testId?: string }) {
  return (
    <p role="status" className="text-sm" data-testid={testId}>
      {outcome && <span className={outcome.ok ? "text-ok" : "text-bad"}>{outcome.text}</span>}
    </p>
  );
}
