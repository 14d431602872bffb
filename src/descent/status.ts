/**
 * Per-start outcomes: a closed union, with every message in this one table
 * (scipy.optimize's `status` / `message` convention).
 */
export const STATUS = {
  gtol: { code: 0, converged: true, diverged: false, message: 'Converged: gradient norm at or below gtol.' },
  xtol: { code: 1, converged: true, diverged: false, message: 'Converged: the step fell to xtol or below what float32 can resolve at x (x no longer moves).' },
  maxiter: { code: 2, converged: false, diverged: false, message: 'Stopped: maximum number of iterations reached.' },
  nonfinite: { code: 3, converged: false, diverged: true, message: 'Diverged: the objective or the position became non-finite (NaN or Inf).' },
  escaped: { code: 4, converged: false, diverged: true, message: 'Diverged: left the box by more than the divergence radius.' },
  interrupted: { code: 5, converged: false, diverged: false, message: 'Interrupted before this start finished.' },
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
