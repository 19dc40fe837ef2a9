import { z } from "zod";
import type { ErrorCode } from "./errors.ts";

// The one rule for free text that crosses the wire: no control characters (NUL makes PostgreSQL
// fail, others hide text from people reading it), no lone surrogates, and a bounded length.

/** C0 and C1 control characters and DEL; tab, newline and carriage return only where multiline. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/; // eslint-disable-line no-control-regex -- finding control characters is its job
const LINE_BREAKS = /[\t\n\r]/;
/**
 * A surrogate without its partner: not Unicode text, and PostgreSQL cannot store it as UTF-8.
 * A loop, not a regex: the lookbehind a regex needs is a syntax error before Safari 16.4, which
 * would stop the whole script on iOS 16.0–16.3 (docs/browser-support.md).
 */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = value.charCodeAt(i + 1);
    if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

/** Whether `value` is text we accept: well-formed Unicode without control characters. */
export function isCleanText(value: string, { multiline = false } = {}): boolean {
  return !hasLoneSurrogate(value) && !CONTROL.test(value) && (multiline || !LINE_BREAKS.test(value));
}

export interface TextOptions {
  max: number;
  min?: number;
  multiline?: boolean;
  /** The code of every refusal (wrong type, length, control characters); VALIDATION_FAILED by default. */
  error?: ErrorCode;
  trim?: boolean;
}

/** A string schema that refuses control characters and oversize values, trimmed by default. */
export function zText({ max, min = 0, multiline = false, error = "VALIDATION_FAILED", trim = true }: TextOptions) {
  const base = z.string({ error }).max(max * 4, { error });
  return (trim ? base.trim() : base).refine((value) => isCleanText(value, { multiline }), { error }).refine((value) => value.length >= min && value.length <= max, { error });
}
