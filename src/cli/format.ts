// formatNumber lives apart so that the explore page can print the CLI's numbers.
export { formatNumber } from './number-format.ts';

/** This process's command line as the user typed it (near enough), for records and lock files. */
export function commandLine(): string {
  return ['basinmap', ...process.argv.slice(2)].join(' ');
}
