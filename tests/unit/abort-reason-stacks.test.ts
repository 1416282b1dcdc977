import { afterEach, describe, expect, it } from "vitest";
import { releaseAbortReasonStacks } from "@/lib/abort-reason-stacks";

const originalPrepare = Error.prepareStackTrace;
afterEach(() => {
  Error.prepareStackTrace = originalPrepare;
});

/** V8 calls Error.prepareStackTrace when, and only when, it formats a stack. */
function watchFormatting(): { formatted: Error[] } {
  const seen = { formatted: [] as Error[] };
  Error.prepareStackTrace = (error, frames) => {
    seen.formatted.push(error);
    return `${error}\n${frames.map((frame) => `    at ${frame}`).join("\n")}`;
  };
  return seen;
}

describe("abort reasons' stacks", () => {
  it("formats the stack of an Error a signal is aborted with, so its call sites are not kept", () => {
    releaseAbortReasonStacks();
    const seen = watchFormatting();
    const reason = new Error("This render completed successfully.");
    const controller = new AbortController();
    expect(seen.formatted).not.toContain(reason);
    controller.abort(reason);
    expect(seen.formatted).toContain(reason);
    expect(controller.signal.reason).toBe(reason);
    expect(controller.signal.aborted).toBe(true);
  });

  it("leaves aborting without a reason, or with one that is not an Error, as it was", () => {
    releaseAbortReasonStacks();
    releaseAbortReasonStacks();
    const plain = new AbortController();
    plain.abort();
    expect(plain.signal.reason).toBeInstanceOf(DOMException);
    const withValue = new AbortController();
    withValue.abort("stop");
    expect(withValue.signal.reason).toBe("stop");
  });
});
