import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'stream']

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-output/', '.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  // The house style's boundaries between rooms (core, shared, app, main, preload, renderer), made mechanical.
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'electron/shared is pure TypeScript: no electron, no node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core never imports electron.' }],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'The core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The application both shells run (library session, handlers' context, static serving): no Electron in it.
    files: ['electron/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/app runs in Electron and in the browser harness alike.' }],
          patterns: [
            {
              group: ['**/preload/**', '**/renderer/**', '**/web/**'],
              message: 'electron/app depends on the core and the handlers, not on a shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to window.broadsheet (renderer/lib/api.ts).' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer never imports node.' },
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'The renderer imports only electron/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**', 'renderer/**'],
    ignores: ['electron/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only the preload touches ipcRenderer.' },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/bench/**'],
    rules: { 'no-console': 'off' },
  },
)
