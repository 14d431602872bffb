import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isUserError } from '../../core/errors.ts';
import { commands } from './commands/index.ts';

/**
 * Thin shell over the library: parse arguments, run one command module, turn a UserError into
 * one line on stderr and exit code 2. Anything else is a bug and keeps its stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const cli = yargs(argv)
    .scriptName('basinmap')
    .strict()
    .demandCommand(1, 'name a command: basinmap map himmelblau, or basinmap --help')
    .recommendCommands()
    .help()
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliUsageError(msg);
    });
  for (const c of commands) cli.command(c);
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof CliUsageError || isUserError(e)) {
      process.stderr.write(`basinmap: error: ${(e as Error).message}\n`);
      exitCode = 2;
    } else {
      throw e;
    }
  }
  return exitCode;
}

class CliUsageError extends Error {}

// A command may set its own non-zero status (130 after Ctrl-C) while still succeeding.
process.exitCode = (await main(hideBin(process.argv))) || process.exitCode;
