// The process settings that the app servers (serve-app.ts) and the log (log.ts) read outside an
// app's env.ts: read here and nowhere else, each when asked (decision 021). No "server-only"
// import: the app servers load this outside Next.

type ProcessSetting = "PORT" | "BIND_ADDRESS" | "TRUSTED_PROXIES" | "WEB_CONCURRENCY" | "LOG_LEVEL" | "KTP_APP";

/** The variable's value, undefined when it is not set. */
export function processSetting(name: ProcessSetting): string | undefined {
  return process.env[name];
}

/** Names the app in every log line of this process, Next's own copy of log.ts included, unless KTP_APP already does. */
export function nameAppInLogs(name: string): void {
  process.env.KTP_APP ??= name;
}
