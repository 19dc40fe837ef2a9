// Headers that only the platform's HTTP server (serve-app.ts) writes; inbound copies are dropped.
export const CLIENT_IP_HEADER = "x-ktp-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

// A direct route's body, read by serve-app.ts while counting its bytes, rides on its Request
// (which then has no stream of its own); readBody (http.ts) takes it from there.
const BODY = Symbol.for("ktp.request.body");

export function attachBody(request: Request, bytes: Uint8Array): void {
  Object.defineProperty(request, BODY, { value: bytes });
}

export function attachedBody(request: Request): Uint8Array | undefined {
  return (request as unknown as { [BODY]?: Uint8Array })[BODY];
}
