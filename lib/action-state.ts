export type FormValues = Record<string, string>;

/** What every form action returns: enough to show the outcome and keep what was typed. */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: FormValues;
};

export const idle: ActionState = { status: "idle" };
