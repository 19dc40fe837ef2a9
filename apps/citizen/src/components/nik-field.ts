"use client";
import type { FormEvent } from "react";
import { groupNikDigits } from "@ktp/core/universal/nik";

/**
 * What every NIK field shares: a number pad, 16 digits at most, shown in groups of four as on the
 * e-KTP while the citizen types or pastes. No placeholder: a sample NIK reads as a filled field.
 */
export const NIK_FIELD = {
  type: "text",
  inputMode: "numeric",
  autoComplete: "off",
  maxLength: 19,
  onInput: (event: FormEvent<HTMLInputElement>) => {
    const field = event.currentTarget;
    const grouped = groupNikDigits(field.value);
    if (grouped !== field.value) field.value = grouped;
  },
} as const;
