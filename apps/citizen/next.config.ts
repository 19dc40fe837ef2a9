import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages export TypeScript sources; Next compiles them with the app.
  transpilePackages: ["@ktp/core", "@ktp/db", "@ktp/ui"],
  // Native or WASM code loaded from node_modules at run time (database driver, face model).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client", "sharp", "@vladmandic/face-api", "@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm"],
  // The browser build of the face pre-check; the package's "node" export needs @tensorflow/tfjs-node.
  turbopack: { resolveAlias: { "@vladmandic/human": "../../node_modules/@vladmandic/human/dist/human.esm.js" } },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
