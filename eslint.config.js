// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'corpus', 'eval', 'test/fixtures', '.annex-cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/corpus/**', 'src/search/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['discord.js', '@discordjs/*'],
              message: 'The core stays free of discord.js.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**', 'commands/**'],
    ignores: [
      'src/config.ts',
      'src/cli.ts',
      'src/bot/main.ts',
      'src/bot/register.ts',
      'src/http/main.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Config is parsed once, in src/config.ts.' },
      ],
    },
  },
);
