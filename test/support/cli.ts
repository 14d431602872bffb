import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/basinmap.js', import.meta.url));

export interface CliRun {
  status: number | null;
  /** The signal that killed it: only when it ran past the timeout (SIGTERM from spawnSync). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, as a user would. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: opts.timeoutMs ?? 120_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking the test's thread: several can run at once (describe.concurrent). */
export function runCliAsync(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b) => (stdout += b));
    child.stderr!.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 120_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** A CLI process running in the background, for tests that act while it runs (signals, a second writer). */
export interface LiveCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches `pattern`; rejects if the process exits first or after timeoutMs. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit status (or the signal that killed it). */
  exited: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[], opts: { env?: Record<string, string> } = {}): LiveCli {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...opts.env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (err += b));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (status, signal) => resolve({ status, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStderr(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(err)) return false;
          done();
          resolve();
          return true;
        };
        const onExit = () => {
          // The last output may arrive with the exit.
          setImmediate(() => check() || (done(), reject(new Error(`exited before stderr matched ${pattern}; stderr: ${err}`))));
        };
        const timer = setTimeout(() => (done(), reject(new Error(`stderr did not match ${pattern} within ${timeoutMs} ms; stderr: ${err}`))), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          child.stderr!.off('data', check);
          child.off('exit', onExit);
        };
        if (check()) return;
        child.stderr!.on('data', check);
        child.on('exit', onExit);
      });
    },
  };
}

/**
 * A progress line of `map` when stderr is not a terminal: printed once the sweep has run a whole
 * progress interval, so it says the sweep (and its Ctrl-C handling) is running. Tests wait for
 * it instead of sleeping a fixed time, which under load can end before the process is ready.
 */
export const SWEEP_RUNNING = /starts\/s/;

/**
 * The shape every failure must have: one stderr line under 300 characters, no stack trace.
 * Returns the line, or throws saying how stderr differs.
 */
export function oneErrorLine(stderr: string, prefix = 'basinmap: error: '): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`expected one stderr line, got ${lines.length}:\n${stderr}`);
  if (lines[0].length >= 300) throw new Error(`stderr line is ${lines[0].length} characters long (limit 299): ${lines[0]}`);
  if (!lines[0].startsWith(prefix)) throw new Error(`stderr line does not start with "${prefix}": ${lines[0]}`);
  return lines[0];
}
