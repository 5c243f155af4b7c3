// ESLint: typescript-eslint's type-aware recommended rules over the API, the admin UI, the tests
// and the benchmarks. Formatting is Prettier's job, not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.mjs', '**/*.js', 'admin/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `const { secret: _secret, ...kept } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks themselves; the plugin's React Compiler rules (refs, immutability...)
    // judge code written for the compiler, which the console does not use.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // react-admin's DateField formats in the browser's locale and zone (12/2/2026, 1:11 PM in an
      // Italian UI): dates go through the console's DateTimeField and DayField.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react-admin',
              importNames: ['DateField'],
              message: 'Use DateTimeField or DayField (admin/src/common): the UI language and Rome time.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['admin/src/common/DateTimeField.tsx', 'admin/src/common/DayField.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    // A response body is `any` by nature (JSON over HTTP); the assertions are what check its shape.
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.spec.ts'],
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed any.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
