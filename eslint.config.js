import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // .stryker-tmp and reports: mutation testing's sandboxes and reports, while it runs.
  { ignores: ['.output/', '.wxt/', '.artifacts/', 'node_modules/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.tsx'], ...reactHooks.configs.flat.recommended },
  {
    // The build takes raw HTML out of React DOM (build/react-dom-without-raw-html.ts): text only.
    files: ['**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'CaseClock renders text only; React DOM is built without raw HTML.',
        },
      ],
    },
  },
  {
    // Logic in lib/ is pure or takes its I/O as arguments: no hidden clock or page globals.
    files: ['lib/**/*.ts'],
    ignores: ['lib/messaging/send.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'location', 'navigator', 'chrome', 'browser'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take `now` as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take `now` as an argument.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'wxt/browser',
              message: 'Only lib/messaging/send.ts and entrypoints talk to the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
