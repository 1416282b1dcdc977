import pino, { type DestinationStream, type Logger } from "pino";
import { env, isProduction } from "./env";

/**
 * The portal's log: one JSON object per line in production (for the log collector), a short
 * readable line in development. Never put personal data in it beyond the acting user's id:
 * no e-mail addresses, names or client addresses. Fields that usually carry them are redacted
 * as a safety net, and e-mail addresses in error messages are masked.
 */
const state = globalThis as unknown as { csmLogger?: Logger };

const REDACTED = ["email", "to", "name", "address", "*.email", "*.to", "*.name", "*.address"];

/** Development: `12:00:01 INFO audit.recorded action=application.submitted auditId=…`. */
function readableLines(): DestinationStream {
  return {
    write(line: string) {
      const { level, time, msg, pid: _pid, hostname: _hostname, event: _event, ...fields } = JSON.parse(line) as Record<string, unknown>;
      const { stack, ...error } = (fields.error ?? {}) as { stack?: string };
      if (fields.error) fields.error = error;
      const details = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
        .join(" ");
      const clock = new Date(String(time)).toISOString().slice(11, 23);
      const label = String(level).toUpperCase();
      const serious = label === "ERROR" || label === "FATAL";
      (serious ? process.stderr : process.stdout).write(`${clock} ${label} ${msg ?? ""} ${details}\n${stack ? `${stack}\n` : ""}`);
    },
  };
}

function create(destination?: DestinationStream): Logger {
  return pino(
    {
      level: env().LOG_LEVEL,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: "[redacted]" },
    },
    destination ?? (isProduction() ? pino.destination({ sync: true }) : readableLines()),
  );
}

/** The process's logger, made on first use. */
export function logger(): Logger {
  state.csmLogger ??= create();
  return state.csmLogger;
}

/** Tests: send the log to `destination` (null: back to the default). */
export function logTo(destination: DestinationStream | null): void {
  state.csmLogger = destination ? create(destination) : undefined;
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[a-z]{2,}/gi;

/** An error as log fields: its kind, message (e-mail addresses masked), code and stack; not its other properties, which may hold row values. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: { message: String(error).replace(EMAIL, "[e-mail]") } };
  const code = (error as { code?: unknown }).code;
  return {
    error: {
      type: error.name,
      message: error.message.replace(EMAIL, "[e-mail]"),
      ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
      stack: error.stack?.replace(EMAIL, "[e-mail]"),
    },
  };
}
