// ESLint flat config. The office-addins plugin's own `recommended` preset pins ecmaVersion 6
// and brings prettier; we take its rules alone and apply them to the Office adapter.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const officePlugin = officeAddins.default ?? officeAddins;

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/adapters/office/**/*.ts'],
    plugins: { 'office-addins': officePlugin },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },

  // Boundaries (README "Architecture"): core imports only core; everything else reaches the core
  // through its index; the workflow knows no host; adapters never import an app; apps never
  // import each other (the workbench mounts the pane through its mount module only).
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/adapters/**', '**/workflow/**', '**/cli/**', '**/taskpane/**', '**/workbench/**', 'node:*', 'exceljs', 'react', 'react-dom', '@fluentui/*'], message: 'The core is pure: it imports only the core.' },
      ] }],
    },
  },
  {
    // The pipeline reaches the rules through their registry only; helpers live in their stage.
    files: ['src/core/check.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['./rules/*', '!./rules/index.js'], message: 'check.ts imports the rule registry only.' }] }],
    },
  },
  {
    files: ['src/{workflow,adapters,cli,taskpane,workbench,wps}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/*/**', '**/core/*.js', '!**/core/index.js'], message: 'Outside the core, import it through src/core/index.ts only.' },
      ] }],
    },
  },
  {
    files: ['src/workflow/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/*/**', '**/core/*.js', '!**/core/index.js'], message: 'Outside the core, import it through src/core/index.ts only.' },
        { group: ['**/adapters/**', '**/cli/**', '**/taskpane/**', '**/workbench/**', 'react', 'exceljs', 'node:*'], message: 'The workflow knows no host: adapters implement its port, apps call it.' },
      ] }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/*/**', '**/core/*.js', '!**/core/index.js'], message: 'Outside the core, import it through src/core/index.ts only.' },
        { group: ['**/cli/**', '**/taskpane/**', '**/workbench/**'], message: 'Adapters never import an app.' },
      ] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/*/**', '**/core/*.js', '!**/core/index.js'], message: 'Outside the core, import it through src/core/index.ts only.' },
        { group: ['**/taskpane/**', '**/workbench/**'], message: 'Apps never import each other.' },
      ] }],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/*/**', '**/core/*.js', '!**/core/index.js'], message: 'Outside the core, import it through src/core/index.ts only.' },
        { group: ['**/cli/**', '**/workbench/**'], message: 'Apps never import each other.' },
      ] }],
    },
  },
  {
    files: ['src/{workbench,wps}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/*/**', '**/core/*.js', '!**/core/index.js'], message: 'Outside the core, import it through src/core/index.ts only.' },
        { group: ['**/cli/**', '**/taskpane/**', '!**/taskpane/mount.js'], message: 'Apps never import each other; the workbench and the WPS pane mount the pane through taskpane/mount only.' },
      ] }],
    },
  },
);
