import "server-only";

/**
 * A cookie's name and Secure flag for an app served at `publicUrl` (from configuration, never from
 * the request). Over https the name takes the `__Host-` prefix, which browsers only accept with
 * Secure, Path=/ and no Domain: the cookie cannot be set by a sibling host or sent in clear. Plain
 * http is for localhost development only.
 */
export function cookieSpec(baseName: string, publicUrl: string): { name: string; secure: boolean } {
  const secure = new URL(publicUrl).protocol === "https:";
  return { name: secure ? `__Host-${baseName}` : baseName, secure };
}
