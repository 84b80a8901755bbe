// Lint of the end-to-end tests and their helpers: ESLint's recommended rules (undefined names,
// unused imports and variables, unreachable code...). The files run in Node; the functions they
// hand to page.evaluate() run in the browser, so both sets of globals are known.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    // The tests match ANSI escape sequences (\u001b) in job logs on purpose.
    rules: { 'no-control-regex': 'off' },
  },
];
