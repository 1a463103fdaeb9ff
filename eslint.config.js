// Lint: TypeScript rules plus the layer rules of ARCHITECTURE.md, so the layering cannot drift.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
const NODE_BUILTINS = {
  group: ['node:*', ...builtinModules],
  message: 'The renderer runs in a browser: no Node modules.',
};
// What a door (bridge, CLI, Electron main) may take from the core: the core itself, the ways to call it,
// and core/files/ (file kinds and private modes), which a door needs for files of its own (--out, --file).
const CORE_ENTRY_POINTS = ['createCore', 'dispatch', 'paths', 'deferredApi'];
const DOORS_REACH_ONLY_CORE_ENTRIES = {
  regex: `^(\\.\\./)+core/(?!(${CORE_ENTRY_POINTS.join('|')})\\.js$|files/)`,
  message: `A door reaches the core only through ${CORE_ENTRY_POINTS.join(', ')}, core/files/ and the contract in electron/common.`,
};
// The CLI's `web` command hosts the bridge; otherwise no door imports another.
const DOORS_A_DOOR_MAY_HOST = { cli: ['bridge'] };
const OTHER_DOORS = (self) => ({
  group: ['bridge', 'cli', 'main', 'preload']
    .filter((door) => door !== self && !(DOORS_A_DOOR_MAY_HOST[self] ?? []).includes(door))
    .map((door) => `**/${door}/**`)
    .concat(['**/renderer/**']),
  message: 'Doors do not import each other or the renderer.',
});
// The core and the contract run in plain Node (and the contract in the renderer too): no browser globals.
const DOM_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'history',
  'HTMLElement',
  'Element',
  'Node',
  'DOMParser',
  'XMLHttpRequest',
  'indexedDB',
  'alert',
  'confirm',
  'prompt',
];
const NO_DOM_GLOBALS = [
  'error',
  ...DOM_GLOBALS.map((name) => ({
    name,
    message: 'The core and the contract run without a browser: pass what is needed in.',
  })),
];

// The renderer: a browser page, reaching the core only through KbApi; inside it the shell sits above the
// features, and the features above the shared services (ARCHITECTURE.md, the renderer's layout).
const RENDERER_PATTERNS = [
  NODE_BUILTINS,
  {
    group: [
      '**/electron/core/**',
      '**/electron/main/**',
      '**/electron/preload/**',
      '**/electron/bridge/**',
      '**/electron/cli/**',
    ],
    message: 'The renderer reaches the core only through KbApi.',
  },
];
const RENDERER_PATHS = ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'jsdom'].map((name) => ({
  name,
  message: 'The renderer runs in a browser.',
}));
const rendererRestrict = (...more) => restrict([...RENDERER_PATTERNS, ...more], RENDERER_PATHS);
const SHELL_ABOVE = {
  group: ['**/shell/**'],
  message:
    'Only main.tsx and the shell import renderer/src/shell: move what a feature needs into renderer/src/services.',
};
const FEATURES = ['article', 'caseFile', 'cases', 'contacts', 'home', 'library', 'privacy', 'search', 'settings'];
const FEATURES_ABOVE = {
  group: FEATURES.map((feature) => `**/${feature}/**`),
  message: 'renderer/src/services serves the features and imports none of them.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      // The contract imports nothing but environment-free libraries for Markdown.
      'no-restricted-imports': restrict([
        {
          regex: '^(?!\\.|marked$|dompurify$).*',
          message: 'electron/common imports only itself, marked and dompurify.',
        },
        {
          group: ['**/core/**', '**/main/**', '**/preload/**', '**/bridge/**', '**/cli/**', '**/renderer/**'],
          message: 'electron/common depends on no other layer.',
        },
      ]),
      'no-restricted-globals': NO_DOM_GLOBALS,
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            group: ['react', 'react-dom', '**/main/**', '**/preload/**', '**/bridge/**', '**/cli/**', '**/renderer/**'],
            message: 'The core is plain Node: no Electron, React or doors.',
          },
        ],
        [{ name: 'electron', message: 'The core never imports electron.' }],
      ),
      'no-restricted-globals': NO_DOM_GLOBALS,
    },
  },
  ...['bridge', 'cli', 'main'].map((door) => ({
    files: [`electron/${door}/**/*.ts`],
    rules: { 'no-restricted-imports': restrict([DOORS_REACH_ONLY_CORE_ENTRIES, OTHER_DOORS(door)]) },
  })),
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      // The preload runs in the page's sandbox: it sees the contract and Electron's renderer modules only.
      'no-restricted-imports': restrict([
        { regex: '^(?!\\.\\./common/|electron$).*', message: 'The preload imports only electron/common and electron.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': rendererRestrict() },
  },
  {
    // The shell (renderer/src/shell) routes to the features; features and services never reach up into it.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/shell/**', 'renderer/src/main.tsx'],
    rules: { 'no-restricted-imports': rendererRestrict(SHELL_ABOVE) },
  },
  {
    // Shared services (renderer/src/services) sit below the features too.
    files: ['renderer/src/services/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererRestrict(SHELL_ABOVE, FEATURES_ABOVE) },
  },
);
