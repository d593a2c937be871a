import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "db/migrations/**",
      "db/postgres/migrations/**",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Links go through components/ui/link.tsx, which does not prefetch (decision 034).
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next/link", message: "Import Link from @/components/ui/link (no prefetch, decision 034)." }],
        },
      ],
    },
  },
  { files: ["components/ui/link.tsx"], rules: { "no-restricted-imports": "off" } },
  // Layers point one way (docs/ARCHITECTURE.md): no module may reach itself through its imports. That
  // is checked by `npm run lint:cycles` (dpdm, decision 031), not import/no-cycle, which took 88 % of
  // the lint's time (139 of 152 s) walking the import graph again for every file.
  // Formatting is Prettier's alone (checked by `npm run format:check` in npm test).
  prettier,
];

export default config;
