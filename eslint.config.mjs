import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const noAppImports = {
  regex: "^(@/|(\\.\\./)+)app(/|$)",
  message: "components/ and lib/ may not import from app/: pass server actions as props from the page that renders the component.",
};

const viewportPrefetchingLinks = [
  { name: "@/lib/i18n/navigation", importNames: ["Link"], message: "Use Link from @/components/ui/link: it prefetches on intent, not every link in view." },
  { name: "next/link", message: "Use Link from @/components/ui/link: it keeps the page's language and prefetches on intent." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left unused on purpose: a positional parameter a
      // signature requires, or a key destructured out so that `...rest` omits it.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
    },
  },
  {
    // No React runs here: Playwright fixtures call `use`, and Vitest helpers named `useXxx`
    // register beforeAll/afterAll hooks, which the React hooks rules would misread.
    files: ["tests/**", "e2e/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Server actions live next to the pages that use them (app/); components and lib stay reusable.
    files: ["components/**", "lib/server/**"],
    rules: { "no-restricted-imports": ["error", { paths: viewportPrefetchingLinks, patterns: [noAppImports] }] },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { paths: viewportPrefetchingLinks }] },
  },
  {
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports] }] },
  },
  {
    // lib/ outside lib/server holds pure rules, importable from client components, tests and scripts alike.
    files: ["lib/**"],
    ignores: ["lib/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: viewportPrefetchingLinks,
          patterns: [
            noAppImports,
            {
              regex: "^(@/|(\\.\\./)+)db(/|$)|^(@/lib/|\\./|\\.\\./)server(/|$)|^next/(headers|cache|server)$|^server-only$|^node:",
              message: "lib/ outside lib/server holds pure rules: database access, request state and Node APIs belong in lib/server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "drizzle/**",
    "node_modules/**",
    "playwright-report/**",
    "blob-report/**",
    "test-results/**",
    "coverage/**",
    "public/**",
    "next-env.d.ts",
  ]),
]);
