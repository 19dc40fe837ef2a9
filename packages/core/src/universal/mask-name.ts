/**
 * Shows enough of a name for its owner to recognise it, not enough to learn it:
 * "SITI NURHALIZA PUTRI" -> "SI** NU******* PU***".
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const chars = [...word];
      const shown = chars.length <= 2 ? 1 : 2;
      return chars.slice(0, shown).join("") + "*".repeat(chars.length - shown);
    })
    .join(" ");
}
