// A short message about the result of an action, announced politely. The region lives on
// <body>, outside any page, so a toast survives the navigation that often follows an action
// (delete → back to the list). Shown only in the browser, after the user did something.
const DURATION_MS = 8000;
const REGION_ID = "sluice-toasts";

function region(): HTMLElement {
  const existing = document.getElementById(REGION_ID);
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = REGION_ID;
  // A live region must exist before its text changes, or screen readers miss the first toast.
  created.setAttribute("role", "status");
  created.setAttribute("aria-live", "polite");
  created.className = "pointer-events-none fixed inset-x-4 bottom-4 z-[60] flex flex-col items-stretch gap-2 sm:left-auto sm:w-96";
  document.body.appendChild(created);
  return created;
}

export interface ToastAction {
  label: string;
  onClick: () => void;
}

/** A toast; with an action (Undo, say) it stays a little longer and its button can be clicked. */
export function showToast(message: string, tone: "success" | "error" = "success", action?: ToastAction): void {
  if (typeof document === "undefined") return;
  const container = region();
  const toast = document.createElement("div");
  toast.dataset.testid = "toast";
  toast.className = `flex items-center justify-between gap-3 rounded-md px-4 py-3 text-sm font-medium shadow-lg ${tone === "success" ? "bg-gray-900 text-white" : "bg-bad text-white"}`;
  const text = document.createElement("p");
  text.textContent = message;
  toast.appendChild(text);
  if (action) {
    toast.classList.add("pointer-events-auto");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.dataset.testid = "toast-action";
    button.className = "shrink-0 rounded px-2 py-1 font-semibold underline underline-offset-2 hover:bg-white/10 focus:outline-none focus:ring-2 focus:ring-white";
    button.addEventListener("click", () => {
      toast.remove();
      action.onClick();
    });
    toast.appendChild(button);
  }
  // Added a frame later than the region itself, so the change is announced.
  requestAnimationFrame(() => container.appendChild(toast));
  setTimeout(() => toast.remove(), action ? DURATION_MS + 4000 : DURATION_MS);
}
