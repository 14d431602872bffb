import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../../../core/errors.ts';

export interface ConfigArgs {
  config?: string;
}

/** What yargs knows of a command's options (its getOptions(), which its typings leave out). */
export interface OptionTable {
  key: Record<string, unknown>;
  boolean: string[];
  number: string[];
  string: string[];
  choices: Record<string, unknown[]>;
}

// yargs' own switches, and --config itself: not settings of a run.
const NOT_SETTINGS = new Set(['help', 'version', 'config']);
// Options that name files or directories (when string-typed: map's --png is a switch). In a config
// file they are relative to the file, as in tsconfig or package.json, not to where the command
// runs; resolvedConfig writes them absolute, so a recorded config reruns from anywhere.
const PATH_OPTIONS = new Set(['objective', 'starts-file', 'out', 'csv', 'png']);
const isPath = (key: string, table: OptionTable) => PATH_OPTIONS.has(kebab(key)) && (table.string.includes(key) || table.string.includes(kebab(key)));
const OPTION_TABLE = Symbol('basinmap.optionTable');

const camel = (k: string) => k.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Adds `--config FILE` (.json, .yaml or .yml) to a command: the file may set any of the command's
 * options (the list is read when parsing, so options declared after this call count too), keyed
 * as on the command line (kebab-case) or camelCase, and flags on the command line override it. yargs merges the file (command line > file > defaults); the loader
 * only reads, parses and checks it, so a mistake is one line that names the file.
 */
export function configOption<T>(y: Argv<T>): Argv<T & ConfigArgs> {
  const table = () => (y as unknown as { getOptions(): OptionTable }).getOptions();
  // yargs turns an error thrown by the loader into its own error type, which the CLI would not
  // recognise as the user's; so the loader's error waits here and the middleware throws it.
  let problem: UserError | undefined;
  const load = (path: string) => {
    problem = undefined;
    try {
      return loadConfigFile(path, table());
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problem = e;
      return {};
    }
  };
  const check = (argv: Record<string | symbol, unknown>) => {
    if (problem) throw problem;
    if (Array.isArray(argv.config)) throw new UserError('--config was given more than once: merge the files into one');
    if (argv.config === '') throw new UserError('--config needs a file: --config sweep.json (or .yaml)');
    // Hands the option table to the handler, for resolvedConfig: under a symbol, so that yargs'
    // strict check and JSON never see it.
    argv[OPTION_TABLE] = table();
  };
  return y
    .option('config', { type: 'string' })
    .config('config', 'JSON or YAML file of options, keyed as the flags (flags given here override it)', load)
    .middleware(check as never, true) as unknown as Argv<T & ConfigArgs>;
}

/** Reads a config file into {declared option name: value}, or throws a one-line UserError naming it. */
export function loadConfigFile(path: string, table: OptionTable): Record<string, unknown> {
  const fail = (problem: string): never => {
    throw new UserError(`config file ${path}: ${problem}`);
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  let doc: unknown;
  try {
    if (ext === '.json') doc = JSON.parse(text);
    else if (ext === '.yaml' || ext === '.yml') doc = parseYaml(text);
    else fail(`unknown format "${ext || 'no extension'}": name it .json, .yaml or .yml`);
  } catch (e) {
    if (e instanceof UserError) throw e;
    fail(`not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0].replace(/:$/, '')}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail('must be a mapping of option names to values, like {"lr": 0.01}');

  const settings = Object.keys(table.key).filter((k) => !NOT_SETTINGS.has(k));
  const byName = new Map<string, string>();
  for (const k of settings) for (const alias of [k, camel(k), kebab(k)]) byName.set(alias, k);
  const out: Record<string, unknown> = {};
  const seen = new Map<string, string>();
  for (const [given, value] of Object.entries(doc as Record<string, unknown>)) {
    const key = byName.get(given) ?? fail(`unknown option "${given}": keys are the command's flags, as "max-iter" or "maxIter" (see --help)`);
    if (seen.has(key)) fail(`"${given}" and "${seen.get(key)}" are the same option: keep one`);
    seen.set(key, given);
    // null (as resolvedConfig writes for an option left unset) means: not set.
    if (value === null) continue;
    const checked = checkedValue(key, given, value, table, fail);
    out[key] = isPath(key, table) ? resolve(dirname(resolve(path)), checked as string) : checked;
  }
  return out;
}

function checkedValue(key: string, given: string, value: unknown, table: OptionTable, fail: (problem: string) => never): unknown {
  const show = JSON.stringify(value);
  if (table.boolean.includes(key)) {
    if (typeof value !== 'boolean') fail(`"${given}" must be true or false, got ${show}`);
  } else if (table.number.includes(key)) {
    if (typeof value !== 'number') fail(`"${given}" must be a number, got ${show}`);
  } else if (typeof value === 'number') {
    // A string option written as a bare number in YAML or JSON: grid: 100.
    value = String(value);
  } else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' || typeof v === 'string')) {
    // A list option written as a list: box: [-5, 5], format: [csv, parquet].
    value = value.join(',');
  } else if (typeof value !== 'string') {
    fail(`"${given}" must be a string, got ${show}`);
  }
  const choices = table.choices[key];
  if (choices?.length && !choices.includes(value)) fail(`"${given}" must be one of ${choices.join(', ')}, got ${show}`);
  return value;
}

/**
 * Every option of the command with its final value (camelCase keys; null where unset; paths made
 * absolute), with the
 * values the handler resolved itself (`resolved`, e.g. the backend it picked) in place of the
 * defaults: written back as a config file, it reproduces the run.
 */
export function resolvedConfig(argv: object, resolved: Record<string, unknown> = {}): Record<string, unknown> {
  const table = (argv as Record<symbol, OptionTable | undefined>)[OPTION_TABLE];
  if (!table) throw new Error('resolvedConfig: the command did not add configOption');
  const config: Record<string, unknown> = {};
  for (const k of Object.keys(table.key)) {
    if (NOT_SETTINGS.has(k)) continue;
    const value = (argv as Record<string, unknown>)[camel(k)] ?? null;
    config[camel(k)] = typeof value === 'string' && isPath(k, table) ? resolve(value) : value;
  }
  for (const [k, v] of Object.entries(resolved)) {
    if (!(k in config)) throw new Error(`resolvedConfig: no option "${k}"`);
    config[k] = v ?? null;
  }
  return config;
}
