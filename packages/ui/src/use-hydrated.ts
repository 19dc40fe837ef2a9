import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False during server rendering and before hydration: buttons that need JavaScript wait for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
