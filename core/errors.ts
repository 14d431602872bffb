/**
 * An error caused by what the user asked for. Its message is one line that names the problem
 * and the fix; the CLI prints it without a stack trace and exits non-zero.
 */
export class UserError extends Error {
  override name = 'UserError';
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
