import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages export TypeScript sources; Next compiles them with the app.
  transpilePackages: ["@ktp/core", "@ktp/db", "@ktp/ui"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
