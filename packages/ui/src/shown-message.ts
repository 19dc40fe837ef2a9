import { ERRORS, type ErrorBody, type ErrorCode, type Locale, type LocalizedText } from "@ktp/core/universal/errors";

/**
 * A message a client component keeps in its state. Never the sentence in one language: the ID/EN
 * switch re-renders the page with the other catalogue but keeps client state, so a kept sentence
 * would stay in the old language. An API error keeps its code and both languages the server sent
 * (an AppError may carry its own sentence); a message of the app's catalogue keeps its key and params.
 */
export type Shown<K extends string = never> = { code: ErrorCode; text: LocalizedText; details?: ErrorBody["error"]["details"] } | { key: K; params?: Record<string, string | number> };

/** An API answer's error, kept in both languages. */
export function fromError(error: ErrorBody["error"]): Shown<never> {
  return { code: error.code, text: error.messages, ...(error.details ? { details: error.details } : {}) };
}

/** A code checked in the browser (the same rules as the server's), kept in both languages. */
export function fromCode(code: ErrorCode): Shown<never> {
  return { code, text: { id: ERRORS[code].id, en: ERRORS[code].en } };
}

/** The sentence in the language on screen now; `t` is the current catalogue, `{name}` params filled in. */
export function say<K extends string>(shown: Shown<K>, locale: Locale, t: { [key in K]: string }): string {
  if ("code" in shown) return shown.text[locale];
  let text: string = t[shown.key];
  for (const [name, value] of Object.entries(shown.params ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}
