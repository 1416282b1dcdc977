import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** True once React runs in the browser; false in the server's HTML and with JavaScript off. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
