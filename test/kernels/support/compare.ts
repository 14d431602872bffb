import type { StartResults } from '../../../core/results.ts';
import { statusName } from '../../../core/status.ts';

export interface Mismatch {
  i: number;
  what: string;
}

/**
 * Differences between two engines' end points: status must be equal; nit equal or off by one
 * (float rounding can flip a threshold test one iteration earlier or later), or by up to
 * nitRel·nit where given; x within xAbs + xRel·|x| per coordinate; fun within the same relative
 * bound plus funAbs.
 */
export function compareRuns(
  a: StartResults,
  b: StartResults,
  tol: { xAbs: number; xRel: number; funAbs: number; nitRel?: number; convergedAlike?: boolean },
): { mismatches: Mismatch[]; nitOffByOne: number } {
  const mismatches: Mismatch[] = [];
  let nitOffByOne = 0;
  // gtol and xtol are both convergence; where ‖g‖ and the float32 move cross their thresholds
  // within a few steps of each other, an ulp of difference can decide which one fires first.
  const outcome = (s: number) => (tol.convergedAlike && (statusName(s) === 'gtol' || statusName(s) === 'xtol') ? 'converged' : statusName(s));
  for (let i = 0; i < a.n; i++) {
    if (outcome(a.status[i]) !== outcome(b.status[i])) {
      mismatches.push({ i, what: `status ${statusName(a.status[i])} vs ${statusName(b.status[i])} (nit ${a.nit[i]} vs ${b.nit[i]})` });
      continue;
    }
    const dn = Math.abs(a.nit[i] - b.nit[i]);
    if (dn === 1) nitOffByOne++;
    if (dn > Math.max(1, (tol.nitRel ?? 0) * b.nit[i])) mismatches.push({ i, what: `nit ${a.nit[i]} vs ${b.nit[i]}` });
    for (let j = 0; j < a.d; j++) {
      const [p, q] = [a.x[i * a.d + j], b.x[i * a.d + j]];
      const bothBad = !Number.isFinite(p) && !Number.isFinite(q);
      if (!bothBad && !(Math.abs(p - q) <= tol.xAbs + tol.xRel * Math.abs(q))) mismatches.push({ i, what: `x[${j}] ${p} vs ${q}` });
    }
    const [f, g] = [a.fun[i], b.fun[i]];
    if (Number.isFinite(g) && !(Math.abs(f - g) <= tol.funAbs + tol.xRel * Math.abs(g))) mismatches.push({ i, what: `fun ${f} vs ${g}` });
  }
  return { mismatches, nitOffByOne };
}
