export type FormValues = Record<string, string>;

/** What every form action returns: enough to show the outcome and keep what was typed. */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: FormValues;
};

export const idle: ActionState = { status: "idle" };

/** A form's server action as `useActionState` takes it; pages pass theirs to client forms as a prop. */
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
