import { optimizerLabel } from '../../../core/optimizers/index.ts';
import {
  DESCENT_DEFAULTS, STATUS, checkTraceIters, drawTrace, formatNumber, optimizerFromArgs, parseInitialGuesses, resolveNamedObjective,
  traceInput, tracePaths, traceTable, withDimensionAndBox, withSuggestion, settleLr, type Ctx, type Frame, type TracePaths, type TracePlotInput,
} from '../../browser.ts';
import { at, element, FieldError, optionalNumber } from './fields.ts';
import { hook } from './hook.ts';
import { Roll } from './roll.ts';
import type { PageState } from './url-state.ts';

const SIZE = { width: 900, height: 560 };
/** Steps of the table at each end of a long path: `basinmap trace`'s --rows default. */
const TABLE_ROWS = 5;

let roll: Roll | undefined;

/** Which demo field a message from resolving the function is about. */
const objectiveField = (message: string) => (/--box|\bbox\b/.test(message) ? 'demo-box' : 'demo-f');

/**
 * Panel 1: the paths `basinmap trace` computes for these settings (tracePaths, the rule `map`
 * applies), then a ball rolling along each, step by step, and where and why each stopped.
 */
export async function runDemo(s: PageState['demo']): Promise<void> {
  const named = at(objectiveField, () => resolveNamedObjective({ fn: s.f, box: s.box === '' ? undefined : s.box }));
  // A function defined for any d rolls in 1-D here: the classic picture.
  const { objective, d, box } = named.objective.dim === 'any' && named.d !== 1 ? at(objectiveField, () => withDimensionAndBox(named.objective, { dim: 1, box: s.box === '' ? undefined : s.box })) : named;
  if (d > 2) throw new FieldError('demo-f', `the demo rolls balls on 1-D and 2-D functions; ${objective.title} is ${d}-dimensional: map it with basinmap map`);
  const x0s = at('demo-x0', () => parseInitialGuesses(s.x0, d, objective.title));
  // `trace`'s checks and defaults (src/cli/commands/trace.ts): --iters 100, a suggested optimizer and lr.
  const iters = at('demo-iters', () => checkTraceIters(optionalNumber(s.iters) ?? 100));
  const given = withSuggestion({ optimizer: s.optimizer || undefined, lr: optionalNumber(s.lr) }, objective.suggested && { ...objective.suggested, maxIter: undefined });
  at('demo-lr', () => optimizerFromArgs({ maximize: false }, given.lr === 'auto' ? { ...given, lr: 1 } : given));
  // lr auto, as trace settles it: from a sample of the box.
  const settled = await settleLr(given, {}, { f: objective.f, box });
  const optimizer = at('demo-lr', () => optimizerFromArgs({ maximize: false }, settled));
  const descent = { ...DESCENT_DEFAULTS, optimizer, box, maxIter: iters, sense: 'min' } as const;
  const paths = await tracePaths(objective, x0s, descent);
  hook.trace = paths.x.map((p, k) => ({ x0: p[0], x: p[p.length - 1], nit: p.length - 1, status: paths.stop[k] }));
  const input = await traceInput({ objective, box, paths, optimizer, iters, size: SIZE });
  element('demo-table').textContent =
    `${objective.title}, d=${d}; ${optimizerLabel(optimizer)}, at most ${iters} iterations\n\n` + paths.x.map((_, k) => traceTable(paths, k, TABLE_ROWS)).join('\n\n');
  startRoll(paths, input);
}

function startRoll(paths: TracePaths, input: TracePlotInput): void {
  roll?.pause();
  const canvas = element<HTMLCanvasElement>('demo-canvas');
  [canvas.width, canvas.height] = [SIZE.width, SIZE.height];
  const ctx = canvas.getContext('2d')!;
  const steps = Math.max(0, ...paths.x.map((p) => p.length - 1));
  const speed = () => Number(element<HTMLInputElement>('demo-speed').value);
  roll = new Roll(steps, (t) => drawBalls(ctx, drawTrace(ctx as Ctx, { ...input, upTo: t }), paths, t), speed, (t, playing) => report(paths, t, playing));
  roll.play();
}

/** A ball where each path is at step t (or where it stopped). */
function drawBalls(ctx: CanvasRenderingContext2D, frame: Frame, paths: TracePaths, t: number): void {
  const d = paths.x[0]?.[0]?.length ?? 1;
  paths.x.forEach((path, k) => {
    const s = Math.min(t, path.length - 1);
    const [px, py] = [frame.x(path[s][0]), frame.y(d === 1 ? paths.f[k][s] : path[s][1])];
    if (!Number.isFinite(px) || !Number.isFinite(py)) return;
    ctx.save();
    ctx.beginPath();
    ctx.arc(px, py - (d === 1 ? 9 : 0), 9, 0, 2 * Math.PI);
    ctx.fillStyle = '#e4572e';
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 1.5;
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  });
}

/** Per ball: where it is now; once it has stopped, where and why (core/status.ts's words). */
function report(paths: TracePaths, t: number, playing: boolean): void {
  element('demo-step-shown').textContent = `step ${t}`;
  element('demo-play').textContent = playing ? 'pause' : 'play';
  const list = element('demo-result');
  list.replaceChildren(
    ...paths.x.map((path, k) => {
      const last = path.length - 1;
      const s = Math.min(t, last);
      const where = (p: number[]) => p.map(formatNumber).join(', ');
      const li = document.createElement('li');
      li.dataset.status = t >= last ? paths.stop[k] : 'rolling';
      li.textContent = t < last
        ? `ball ${k + 1}: from x0 = ${where(path[0])}, at x = ${where(path[s])}, f = ${formatNumber(paths.f[k][s])} (step ${s})`
        : `ball ${k + 1}: from x0 = ${where(path[0])} stopped at x = ${where(path[last])}, f = ${formatNumber(paths.f[k][last])}, after ${last} steps: ${STATUS[paths.stop[k]].short}. ${STATUS[paths.stop[k]].message}`;
      return li;
    }),
  );
}

export function demoControls(): { play(): void; step(): void; reset(): void } {
  return {
    play: () => (roll?.isPlaying ? roll.pause() : roll?.play()),
    step: () => roll?.step(),
    reset: () => roll?.reset(),
  };
}
