// Headers that only the platform's HTTP server (serve-app.ts) writes; inbound copies are dropped.
export const CLIENT_IP_HEADER = "x-ktp-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";
