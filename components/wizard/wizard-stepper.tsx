// The wizard's steps as links: any step can be left and come back to; the current one is
// marked aria-current="step", and a finished one says so to every reader.
import Link from "next/link";
import { STEPS, stepDone, type StepNumber, type WizardState } from "./wizard-steps";

export function WizardStepper({ pipelineId, current, state }: { pipelineId: string; current: StepNumber; state: WizardState }) {
  return (
    <nav aria-label="Delete steps" data-testid="wizard-stepper">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {STEPS.map((step) => {
          const isCurrent = step.number === current;
          const done = stepDone(step.number, state);
          return (
            <li key={step.number}>
              <Link
                href={`/pipelines/${pipelineId}/delete?step=${step.number}`}
                aria-current={isCurrent ? "step" : undefined}
                data-testid={`wizard-step-${step.number}`}
                data-done={done}
                className={`flex h-full items-center gap-2 rounded-md border px-3 py-2 text-sm ${
                  isCurrent ? "border-brand-500 bg-brand-50 font-semibold text-brand-700" : "border-gray-200 bg-white text-ink-muted hover:bg-surface-sunken"
                }`}
              >
                <span
                  aria-hidden
                  className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                    done && step.number !== 1 ? "bg-ok text-white" : isCurrent ? "bg-brand-600 text-white" : "bg-surface-sunken text-ink-muted"
                  }`}
                >
                  {done && step.number !== 1 ? "✓" : step.number}
                </span>
                <span className="min-w-0">
                  <span className="sr-only">Step {step.number}: </span>
                  {step.name}
                  {done && step.number !== 1 && <span className="sr-only"> (done)</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
