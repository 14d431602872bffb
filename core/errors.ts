/**
 * The CLI's exit statuses (documented in the README). The BSD sysexits.h numbers where one fits,
 * 128 + the signal number for a run stopped by a signal, as shells report it.
 */
export const EXIT = {
  ok: 0,
  /** Bad input: an option, a file or a path that cannot work as given. */
  usage: 2,
  /** A bug (EX_SOFTWARE): an error nobody anticipated; --debug shows its stack trace. */
  software: 70,
  /** The system refused a read or write (EX_IOERR): disk full, read-only, permission, I/O error. */
  io: 74,
  /** Another run holds the output directory (EX_TEMPFAIL): try again when it is done. */
  busy: 75,
  /** Stopped by Ctrl-C (SIGINT). */
  interrupted: 130,
  /** Stopped by SIGTERM (Slurm's time limit, kill). */
  terminated: 143,
} as const;

/**
 * An error caused by what the user asked for. Its message is one line that names the problem
 * and the fix; the CLI prints it without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number = EXIT.usage;
}

/** The system refused a read or write that the user can fix (free space, permissions, another path). */
export class IoError extends UserError {
  override name = 'IoError';
  override readonly exitCode: number = EXIT.io;
}

/** Another process holds what this one needs (the output directory's lock). */
export class BusyError extends UserError {
  override name = 'BusyError';
  override readonly exitCode: number = EXIT.busy;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
