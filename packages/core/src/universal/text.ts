import { z } from "zod";
import type { ErrorCode } from "./errors.ts";

// The one rule for free text that crosses the wire: no control characters (NUL makes PostgreSQL
// fail, others hide text from people reading it), no lone surrogates, and a bounded length.

/** C0 and C1 control characters and DEL; tab, newline and carriage return only where multiline. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/; // eslint-disable-line no-control-regex -- finding control characters is its job
const LINE_BREAKS = /[\t\n\r]/;
/** A surrogate without its partner: not Unicode text, and PostgreSQL cannot store it as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` is text we accept: well-formed Unicode without control characters. */
export function isCleanText(value: string, { multiline = false } = {}): boolean {
  return !LONE_SURROGATE.test(value) && !CONTROL.test(value) && (multiline || !LINE_BREAKS.test(value));
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
