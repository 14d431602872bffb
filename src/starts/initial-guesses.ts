import { UserError } from '../../core/errors.ts';

/**
 * The initial guesses of `trace` (--x0, repeated) and of the explore page's x0 field, as points
 * with exactly d coordinates each, or a one-line UserError in the CLI's words.
 */
export function parseInitialGuesses(x0: string | string[] | undefined, d: number, title: string): number[][] {
  const texts = (x0 === undefined ? [] : [x0].flat()).map(String);
  const example = Array.from({ length: d }, (_, j) => j + 1).join(',');
  if (texts.length === 0) throw new UserError(`give an initial guess: --x0 ${example} (repeat --x0 for several paths)`);
  return texts.map((t) => {
    const p = t.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    if (p.some((v) => !Number.isFinite(v))) throw new UserError(`--x0 "${t}" must be numbers separated by commas, like --x0 ${example}`);
    if (p.length !== d) {
      throw new UserError(`--x0 "${t}" has ${p.length} coordinate${p.length === 1 ? '' : 's'} but ${title} is ${d}-dimensional: give ${d} numbers, like --x0 ${example}`);
    }
    return p;
  });
}
