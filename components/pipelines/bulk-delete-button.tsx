"use client";

// The bulk bar's Delete…, apart from the dialog it opens: the list loads the dialog only when
// it is about to be used (lazy-bulk-delete.tsx), but shows this button with every selection.
import { useId } from "react";
import type { Me } from "@/components/console/use-me";
import { bulkDeleteBlockedReason } from "./bulk-delete";
import type { SelectedPipeline } from "./types";

type Viewer = Pick<Me, "id" | "role">;

interface BulkDeleteButtonProps {
  me: Viewer;
  selected: ReadonlyMap<string, SelectedPipeline>;
  disabled: boolean;
  onOpen: () => void;
  /** The pointer or the focus reached the button: a click may follow. */
  onReach?: () => void;
}

/** The bar's Delete…; when none of the selection may be deleted, disabled with the reason in view. */
export function BulkDeleteButton({ me, selected, disabled, onOpen, onReach }: BulkDeleteButtonProps) {
  const reasonId = useId();
  const blocked = bulkDeleteBlockedReason(selected, me);
  return (
    <>
      <button
        type="button"
        className="btn-danger"
        disabled={disabled || blocked !== null}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={onOpen}
        onPointerEnter={onReach}
        onFocus={onReach}
        data-testid="bulk-delete"
      >
        Delete…
      </button>
      {blocked && (
        // Last in the bar, on a line of its own: a disabled button cannot take focus to say why.
        <p id={reasonId} className="order-last basis-full text-sm text-ink-muted" data-testid="bulk-delete-why">
          {blocked}
        </p>
      )}
    </>
  );
}
