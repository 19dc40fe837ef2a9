"use client";
import { useCallback, useEffect, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { get } from "@ktp/ui/api-client";

/** A sentence shown beside the list, or beside one item of it (`itemId`). */
export interface AdminMessage {
  ok: boolean;
  text: string;
  itemId?: string;
}

/**
 * The list an admin page works on (organisations, reports): loaded on mount, reloaded after each
 * action, with the one message the page shows; a failed load says why in the reader's language.
 */
export function useAdminList<Item>(url: string, locale: Locale, failed: string) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [message, setMessage] = useState<AdminMessage | null>(null);
  const load = useCallback(async () => {
    const result = await get<Item[]>(url, locale).catch(() => null);
    if (result?.ok) setItems(result.data);
    else setMessage({ ok: false, text: result ? result.error.messages[locale] : failed });
  }, [url, locale, failed]);
  useEffect(() => {
    void load();
  }, [load]);
  return { items, message, setMessage, load };
}
