// Runs once when the server starts; see src/instrumentation-node.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./src/instrumentation-node.ts");
}
