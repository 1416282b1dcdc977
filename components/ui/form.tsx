import type { ComponentProps } from "react";

export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm text-red-700">
      {message}
    </p>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (!state.message) return null;
  const tone = state.status === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-800";
  return (
    <p role="status" className={`rounded-md border px-3 py-2 ${tone}`}>
      {state.message}
    </p>
  );
}

const BUTTON_TONES = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  /** A destructive action that is not the page's main one. */
  dangerOutline: "border border-red-700 text-red-800 hover:bg-red-50",
  /** Another way forward beside the page's main action (defer instead of decide). */
  secondary: "border border-slate-500 bg-white text-brand-800 hover:bg-slate-50",
};

export function SubmitButton({
  children,
  pending,
  tone = "primary",
  ...props
}: ComponentProps<"button"> & { pending?: boolean; tone?: keyof typeof BUTTON_TONES }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`min-h-11 rounded-md px-4 py-2 font-semibold disabled:opacity-60 ${BUTTON_TONES[tone]}`}
      {...props}
    >
      {children}
    </button>
  );
}

export const inputClass = "block w-full rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid=true]:border-red-600";
