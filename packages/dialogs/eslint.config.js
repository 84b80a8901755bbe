// The same lint as the backend's: promises left floating, switches that miss a case, `any`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // node:test's test() and describe() return promises the runner itself awaits.
    files: ['src/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
);
