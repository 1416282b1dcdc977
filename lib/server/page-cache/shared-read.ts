/**
 * Many requests, few reads, and never a stale one: every caller gets the result of a read that
 * started after it called. Callers that arrive while a read is running share the next one, so
 * under load the database sees about one read per round trip instead of one per request, and
 * a change committed before a request arrived (through any instance) is always seen by it.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;

  const start = (): Promise<T> => {
    const current: Promise<T> = read().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };

  return () => {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
