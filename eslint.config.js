// ESLint (flat config): TypeScript, React, hooks, jsx-a11y and import order, as the Epic and Indie stacks lint.
// Formatting is Prettier's job (npm run format:check); nothing here restates a formatting rule.
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "build-*/**", "public/**", "data/**", "node_modules/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,jsx,ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: {
      // import-x's TypeScript preset, minus its resolver (eslint-import-resolver-typescript is not installed).
      "import-x/extensions": [".ts", ".tsx", ".cts", ".mts", ".js", ".jsx", ".cjs", ".mjs"],
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".cts", ".mts"] },
      // Resolve "~/..." through tsconfig's paths, so the two rules below see which file an import reaches.
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".json", ".node"],
          tsconfig: { configFile: fileURLToPath(new URL("./tsconfig.json", import.meta.url)) },
        }),
      ],
    },
    rules: {
      // app/utils is the ground floor: it imports nothing that calls models (issue 10), so a helper there can be
      // used anywhere without pulling the database into a component or a cycle into the graph.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./app/utils",
              from: [
                "./app/models",
                "./app/components",
                "./app/routes",
                "./app/route-helpers",
                "./app/operations",
                "./app/seo",
                "./app/firms",
              ],
              message: "app/utils is the ground floor: move this helper to app/route-helpers or its domain folder.",
            },
          ],
        },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "~/**", group: "internal" }],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Kysely's convention: migrations are frozen in time and take Kysely<any>, never the current Database type,
    // and import nothing of the app or the schema (a later change there must not change what a migration does).
    files: ["db/migrations/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/*", "**/app/**", "../schema", "../seed", "../seed/*"],
              message: "Migrations are frozen in time: copy what you need into the migration.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read loader and action payloads through untyped helpers (tests/setup/http.ts): asserting on them is the test.
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.tsx", "tests/**/*.tsx"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    settings: { react: { version: "18.3" } },
  },
  {
    files: ["app/**/*.tsx", "tests/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
);
