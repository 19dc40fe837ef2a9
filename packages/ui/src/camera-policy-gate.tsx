"use client";
import { type ReactNode, useEffect, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Whether this document was loaded at the current path, rather than reached by client-side navigation. */
function loadedHere(): boolean {
  const entry = performance.getEntriesByType("navigation")[0];
  return !entry || new URL(entry.name).pathname === location.pathname;
}

/**
 * Wraps the camera part of a camera page. Its Permissions-Policy (camera=(self)) applies when a
 * document loads, so after a client-side navigation the page still runs under the previous page's
 * camera=(): then it reloads once, showing nothing meanwhile so no one starts a camera that would fail.
 */
export function CameraPolicyGate({ children }: { children: ReactNode }) {
  const ready = useSyncExternalStore(subscribe, loadedHere, () => true);
  useEffect(() => {
    if (!ready) location.reload();
  }, [ready]);
  return ready ? children : null;
}
