/**
 * Per-start outcomes: a closed union, with every message in this one table
 * (scipy.optimize's `status` / `message` convention; `short` is the label pictures and tables use).
 */
export const STATUS = {
  gtol: { short: 'converged (small gradient)', code: 0, converged: true, diverged: false, message: 'Converged: gradient norm at or below gtol.' },
  xtol: { short: 'converged (tiny step)', code: 1, converged: true, diverged: false, message: 'Converged: the step fell to xtol or below what float32 can resolve at x (x no longer moves).' },
  maxiter: { short: 'iteration limit', code: 2, converged: false, diverged: false, message: 'Stopped: maximum number of iterations reached.' },
  nonfinite: { short: 'diverged (non-finite)', code: 3, converged: false, diverged: true, message: 'Diverged: the objective or the position became non-finite (NaN or Inf).' },
  escaped: { short: 'diverged (left the box)', code: 4, converged: false, diverged: true, message: 'Diverged: left the box by more than the divergence radius.' },
  interrupted: { short: 'interrupted', code: 5, converged: false, diverged: false, message: 'Interrupted before this start finished.' },
} as const;

export type StatusName = keyof typeof STATUS;
export type StatusCode = (typeof STATUS)[StatusName]['code'];

export const STATUS_BY_CODE: readonly StatusName[] = (Object.keys(STATUS) as StatusName[]).sort(
  (a, b) => STATUS[a].code - STATUS[b].code,
);

export function statusName(code: number): StatusName {
  const name = STATUS_BY_CODE[code];
  if (name === undefined) throw new RangeError(`no status with code ${code}`);
  return name;
}

/** The in-engine status of a start that has not finished yet (never reported). */
export const RUNNING = -1;
