/** Remix classic compiler configuration (see README, Decisions). BUILD_DIR lets parallel test runs build apart. */
const out = process.env.BUILD_DIR ?? "build";

export default {
  serverBuildPath: `${out}/index.js`,
  assetsBuildDirectory: `public/${out}`,
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // db/ (schema, migrations, seed) is imported by app code and bundled into the server build.
  watchPaths: ["db/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
