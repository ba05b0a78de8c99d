"use client";

// A modal on the native <dialog>: the browser keeps focus inside, makes the page behind inert,
// closes on Escape and gives focus back to what opened it.
import { useEffect, useRef, type ReactNode } from "react";

interface ModalProps {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  /** "alertdialog" for a confirmation of something that cannot be undone. */
  role?: "dialog" | "alertdialog";
  /** While false, Escape and a click outside do nothing (a request is under way). */
  dismissable?: boolean;
  /** "center" for a confirmation, "side" for a panel along the right edge. */
  placement?: "center" | "side";
  testId?: string;
  children: ReactNode;
}

const PLACEMENT = {
  center: "m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg",
  side: "my-0 ml-auto mr-0 h-dvh max-h-dvh w-full max-w-2xl sm:rounded-l-lg",
};

export function Modal({ open, onClose, labelledBy, describedBy, role = "dialog", dismissable = true, placement = "center", testId, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      className={`bg-white p-0 text-ink shadow-xl backdrop:bg-gray-900/40 ${PLACEMENT[placement]}`}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissable) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget && dismissable) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}
