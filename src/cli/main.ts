import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT, isUserError } from '../../core/errors.ts';
import { errnoCode, escapedFsError } from '../io/fs-errors.ts';
import { commands } from './commands/index.ts';
import { installSignalPolicy } from './signals.ts';
import { badNumber, NUMBER_OR_AUTO, usageLine } from './usage.ts';
import { stopWatchdog } from './watchdog.ts';

/**
 * Thin shell over the library: parse arguments, run one command module, and turn every failure
 * into one line on stderr and an exit status (the README lists them): a UserError with its own
 * (2 bad input, 74 I/O, 75 busy), a file-system error that escaped with 74 or 2, and anything
 * else, a bug, with 70; --debug (or BASINMAP_DEBUG=1) prints the stack trace of those instead.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug') || /^(1|true|yes)$/i.test(process.env.BASINMAP_DEBUG ?? '');
  installSignalPolicy();
  // Errors thrown outside the command's promise chain (a callback, a stream) end here too.
  const fatal = (e: unknown) => {
    // The reader of stdout went away (| head): nothing is wrong, and there is no one to tell.
    if (errnoCode(e) === 'EPIPE') process.exit();
    process.exitCode = report(e, debug);
    process.exit();
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  const cli = yargs(argv)
    .scriptName('basinmap')
    .strict()
    .demandCommand(1, 'name a command: basinmap map himmelblau, or basinmap --help')
    .recommendCommands()
    .option('debug', { type: 'boolean', global: true, describe: 'show the stack trace of an unexpected error (also BASINMAP_DEBUG=1)' })

    .help()
    .version()
    .epilogue('Exit status: 0 done, 2 bad input, 70 unexpected error (a bug), 74 a read or write refused (disk full, read-only, permissions), 75 --out in use by another run, 130/143 stopped by Ctrl-C/SIGTERM after writing the results so far.')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliUsageError(usageLine(msg, argv.find((a) => !a.startsWith('-')), argv));
    })
    // yargs reads `--lr ""` as 0 and `--lr abc` as NaN; the raw arguments say what was typed.
    .middleware(() => {
      const problem = badNumber(argv, numericOptions(cli));
      if (problem) throw new CliUsageError(problem);
    }, true);
  for (const c of commands) cli.command(c);
  try {
    await cli.parseAsync();
  } catch (e) {
    return report(e, debug);
  } finally {
    stopWatchdog();
  }
  return EXIT.ok;
}

class CliUsageError extends Error {}

/** The options declared numeric, in both spellings (maxIter and max-iter). */
function numericOptions(cli: unknown): Set<string> {
  // --lr is a string option because it also takes auto; its numbers get the same checks.
  const keys = [...(cli as { getOptions(): { number: string[] } }).getOptions().number, ...NUMBER_OR_AUTO];
  return new Set(keys.flatMap((k) => [k, k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)]));
}

/** Prints one line for `e` (a stack trace for a bug under --debug) and returns the exit status. */
export function report(e: unknown, debug: boolean): number {
  const say = (line: string) => process.stderr.write(`basinmap: ${line}\n`);
  if (e instanceof CliUsageError) {
    say(`error: ${e.message}`);
    return EXIT.usage;
  }
  const known = isUserError(e) ? e : escapedFsError(e);
  if (known) {
    say(`error: ${known.message}`);
    return known.exitCode;
  }
  if (debug) {
    say(`unexpected error (if it is in basinmap, please report it with this trace):\n${e instanceof Error ? e.stack : String(e)}`);
  } else {
    const text = (e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e)).split('\n')[0];
    say(`unexpected error: ${text.length > 200 ? `${text.slice(0, 199)}…` : text} (run with --debug for the stack trace)`);
  }
  return EXIT.software;
}

// A command may set its own non-zero status (130 after Ctrl-C) while still succeeding.
process.exitCode = (await main(hideBin(process.argv))) || process.exitCode;
