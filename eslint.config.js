// Lint: TypeScript rules plus the layer rules of ARCHITECTURE.md, so the layering cannot drift.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
const NODE_BUILTINS = { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      // The contract imports nothing but environment-free libraries for Markdown.
      'no-restricted-imports': restrict([
        { regex: '^(?!\\.|marked$|dompurify$).*', message: 'electron/common imports only itself, marked and dompurify.' },
        { group: ['**/core/**', '**/main/**', '**/preload/**', '**/bridge/**', '**/cli/**', '**/renderer/**'], message: 'electron/common depends on no other layer.' },
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: ['react', 'react-dom', '**/main/**', '**/preload/**', '**/bridge/**', '**/cli/**', '**/renderer/**'], message: 'The core is plain Node: no Electron, React or doors.' }],
        [{ name: 'electron', message: 'The core never imports electron.' }],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        NODE_BUILTINS,
        { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/bridge/**', '**/electron/cli/**'], message: 'The renderer reaches the core only through KbApi.' },
      ], ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'jsdom'].map((name) => ({ name, message: 'The renderer runs in a browser.' }))),
    },
  },
);
