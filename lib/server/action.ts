import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { can, type Operation } from "@/lib/permissions";
import { getActor } from "./session";
import { fieldsWithControlCharacters } from "@/lib/text-input";

import type { ActionState, FormValues } from "@/lib/action-state";

export type { ActionState, FormValues };

/** The typed text of a form, echoed back so a failed submission keeps what the user wrote. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/**
 * Field errors keyed by field, each translated from the `Validation` catalog (schemas name the key);
 * a key with a dot names its own namespace ("MeetingValidation.date"), so an area keeps its messages.
 */
export async function translateIssues(error: z.ZodError, locale?: Locale): Promise<Record<string, string>> {
  const t = await (locale ? getTranslations({ locale }) : getTranslations());
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (fieldErrors[field]) continue;
    const key = issue.message.includes(".") ? issue.message : `Validation.${issue.message}`;
    fieldErrors[field] = t.has(key as never) ? t(key as never) : t("Validation.invalid");
  }
  return fieldErrors;
}

/** The Errors catalog in the request's locale, or in `locale` for a route handler (its address names none). */
function errorMessages(locale?: Locale) {
  return locale ? getTranslations({ locale, namespace: "Errors" }) : getTranslations("Errors");
}

export async function failure(error: unknown, values?: FormValues, locale?: Locale): Promise<ActionState> {
  if (!(error instanceof AppError)) throw error;
  const t = await errorMessages(locale);
  return { status: "error", message: t(error.code), values };
}

/**
 * What an action answers when called with arguments no form of the portal sends (a script
 * calling it by id with other values than the previous state and a FormData).
 */
export async function malformedCall(): Promise<ActionState> {
  const t = await getTranslations("Errors");
  return { status: "error", message: t("invalid") };
}

type Run<S extends z.ZodType> = (actor: Actor, input: z.infer<S>, formData: FormData, locale?: Locale) => Promise<ActionState | void>;

/**
 * Every server action of a signed-in user goes through here: who is asking, may they,
 * is the input valid; only then does `run` call the data layer (which checks again).
 */
export function protectedAction<S extends z.ZodType>(operation: Operation, schema: S, run: Run<S>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    if (!(formData instanceof FormData)) return malformedCall();
    return runProtected(operation, schema, run, formData);
  };
}

/**
 * The checks of `protectedAction`, for a form that reaches the server another way (a route handler);
 * `locale` is the language of the answer when the request's address names none.
 */
export async function runProtected<S extends z.ZodType>(
  operation: Operation,
  schema: S,
  run: Run<S>,
  formData: FormData,
  locale?: Locale,
): Promise<ActionState> {
  const values = formValues(formData);
  const actor = await getActor();
  if (!actor) return failure(new AppError("unauthenticated"), values, locale);
  if (!can(actor.role, operation)) return failure(new AppError("forbidden"), values, locale);
  const unreadable = fieldsWithControlCharacters(formData);
  if (unreadable.length > 0) {
    const [t, tValidation] = await Promise.all([
      errorMessages(locale),
      locale ? getTranslations({ locale, namespace: "Validation" }) : getTranslations("Validation"),
    ]);
    return { status: "error", message: t("invalid"), fieldErrors: Object.fromEntries(unreadable.map((field) => [field, tValidation("invalid")])), values };
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const t = await errorMessages(locale);
    return { status: "error", message: t("invalid"), fieldErrors: await translateIssues(parsed.error, locale), values };
  }
  try {
    return (await run(actor, parsed.data, formData, locale)) ?? { status: "success" };
  } catch (error) {
    return failure(error, values, locale);
  }
}
