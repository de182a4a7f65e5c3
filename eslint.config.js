// ESLint's flat config: the recommended rules of ESLint and typescript-eslint, without type
// information (the compiler already checks types; `npm run typecheck`). Formatting is Prettier's job.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'generated/', 'ffi/build/', '.bench/', '.tap/', '.scratch/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter that a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` read by a callback before its one assignment cannot be a `const` (it would be in its TDZ).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `const client = this` names the object that callbacks in an object literal act on.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // Tests, their helpers and benchmarks poke at frames and JSON of any shape.
    files: ['**/*.test.ts', '**/test-support/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
