// Runs in the browser before the app hydrates.
import "@ktp/core/universal/zod-jitless";
