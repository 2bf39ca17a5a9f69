import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A script's command line: `--help` prints `usage` and exits 0; an unknown or malformed option
 * prints what is wrong and `usage`, and exits 2 (no stack trace).
 */
export function readArgs<const O extends Options>(usage: string, options: O) {
  const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ options: withHelp }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values as ReturnType<typeof parseArgs<{ options: O }>>['values'];
}
