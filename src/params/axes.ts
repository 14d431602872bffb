import { UserError } from '../../core/errors.ts';

/** One named parameter and the values it takes, in the order given. */
export interface ParamAxis {
  name: string;
  values: number[];
}

/** More values than this on one axis (or in the whole grid) is a typo, not a sweep. */
export const MAX_PARAM_VALUES = 100_000;

const FORM = 'write --param NAME=START:STOP:COUNT (e.g. a=0:2:41) or NAME=V1,V2,... (e.g. a=1,2,5)';

/**
 * `--param a=0:2:41` (COUNT evenly spaced values from START to STOP, both included, as numpy's
 * linspace) or `--param a=1,2,5` (a list). Every refusal is one line naming the fix.
 */
export function parseParamFlag(text: string): ParamAxis {
  const eq = text.indexOf('=');
  if (eq < 0) throw new UserError(`--param "${text}" has no "=": ${FORM}`);
  const name = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UserError(`--param "${text}": "${name}" is not a name: ${FORM}`);
  if (spec === '') throw new UserError(`--param ${name} has no values: ${FORM}`);
  const num = (s: string): number => {
    const v = s.trim() === '' ? NaN : Number(s);
    if (!Number.isFinite(v)) throw new UserError(`--param ${name}: "${s}" is not a finite number: ${FORM}`);
    return v;
  };
  if (spec.includes(':')) {
    const parts = spec.split(':');
    if (parts.length !== 3) throw new UserError(`--param ${name}=${spec} needs exactly START:STOP:COUNT: ${FORM}`);
    const [start, stop, count] = parts.map(num);
    if (!(Number.isInteger(count) && count >= 1 && count <= MAX_PARAM_VALUES)) {
      throw new UserError(`--param ${name}: COUNT must be a whole number in [1, ${MAX_PARAM_VALUES}], got ${parts[2]}: e.g. ${name}=0:2:41`);
    }
    if (count > 1 && start === stop) throw new UserError(`--param ${name}: START equals STOP, so the ${count} values would all be ${start}: give one value or a range`);
    return { name, values: Array.from({ length: count }, (_, i) => (count === 1 ? start : start + ((stop - start) * i) / (count - 1))) };
  }
  const values = spec.split(',').map(num);
  if (new Set(values).size !== values.length) throw new UserError(`--param ${name}: a value is listed twice: list each value once`);
  return { name, values };
}

/** Several --param flags, checked together: names once each, and a grid of a sensible size. */
export function parseParamFlags(texts: readonly string[]): ParamAxis[] {
  const axes = texts.map(parseParamFlag);
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.name)) throw new UserError(`--param ${a.name} is given twice: give each parameter once (several values go in one flag)`);
    seen.add(a.name);
  }
  const size = axes.reduce((k, a) => k * a.values.length, 1);
  if (size > MAX_PARAM_VALUES) throw new UserError(`the --param grid has ${size} points (over ${MAX_PARAM_VALUES}): use fewer values`);
  return axes;
}

/**
 * Every combination of the axes' values, [P, p] row-major: the LAST axis varies fastest, so for
 * one fixed combination of the others, the first axis's values are P / values₀ rows apart.
 */
export function paramGrid(axes: readonly ParamAxis[]): number[][] {
  let points: number[][] = [[]];
  for (const a of axes) points = points.flatMap((p) => a.values.map((v) => [...p, v]));
  return points;
}
