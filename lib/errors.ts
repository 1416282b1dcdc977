export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "rate_limited"
  /** A decision before the member states' window has closed, without the reason for closing it early. */
  | "consultation_open"
  /** An answer after the member states' window has closed. */
  | "consultation_closed"
  /** A decision on an application the meeting's objection rule sent to the plenary, without the plenary's reference. */
  | "plenary_required";

/** An expected failure whose code the UI translates; anything else is a bug. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}
