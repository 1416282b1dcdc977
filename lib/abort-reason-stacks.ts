const patched = Symbol.for("csm.abortReasonStacks");

/**
 * React aborts every render's cache signal with an Error once the render is done, usually from a
 * setImmediate callback. Until that Error's stack is read, V8 keeps its call sites, whose receiver
 * is the Immediate; and Node leaves an Immediate that ran linked to the others of its batch, each
 * holding its request's AsyncLocalStorage store (nodejs/node#66129). Under steady load these chains
 * join request to request and the heap grew by ~100 KB per page rendered (docs/reliability/load.md).
 * Reading the stack when a signal is aborted turns the call sites into a string and breaks the chain.
 */
export function releaseAbortReasonStacks(): void {
  const prototype = AbortController.prototype as AbortController & { [patched]?: true };
  if (prototype[patched]) return;
  const abort = prototype.abort;
  prototype.abort = function abortWithFormattedStack(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
  prototype[patched] = true;
}
