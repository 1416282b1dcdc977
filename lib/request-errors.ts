import type { Instrumentation } from "next";
import { errorFields, logger } from "./logger";

type RequestErrorArguments = Parameters<Instrumentation.onRequestError>;

/**
 * One log line per error Next reports, with its digest (the code the error page shows, to find
 * the line from a user's report). The path without its query: sign-in links carry their token there.
 */
export function logRequestError(...[error, request, context]: RequestErrorArguments): void {
  const digest = (error as { digest?: unknown }).digest;
  logger().error(
    {
      event: "request.error",
      digest: typeof digest === "string" ? digest : undefined,
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
      renderSource: "renderSource" in context ? context.renderSource : undefined,
      ...errorFields(error),
    },
    "request.error",
  );
}
