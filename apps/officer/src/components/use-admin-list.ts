"use client";
import { useCallback, useEffect, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { get } from "@ktp/ui/api-client";
import { fromError, type Shown } from "@ktp/ui/shown-message";

/**
 * What is shown beside the list, or beside one item of it (`itemId`): codes and keys, joined when
 * rendered, never sentences, so the ID/EN switch re-renders them in the other language.
 */
export interface AdminMessage<K extends string> {
  ok: boolean;
  shown: Shown<K | "failed">[];
  itemId?: string;
}

/**
 * The list an admin page works on (organisations, reports): loaded on mount, reloaded after each
 * action, with the one message the page shows; a failed load says why in the reader's language.
 */
export function useAdminList<Item, K extends string>(url: string, locale: Locale) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [message, setMessage] = useState<AdminMessage<K> | null>(null);
  const load = useCallback(async () => {
    const result = await get<Item[]>(url, locale).catch(() => null);
    if (result?.ok) setItems(result.data);
    else setMessage({ ok: false, shown: [result ? fromError(result.error) : { key: "failed" }] });
  }, [url, locale]);
  useEffect(() => {
    void load();
  }, [load]);
  return { items, message, setMessage, load };
}
