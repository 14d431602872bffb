import { optimizerLabel } from '../../../core/optimizers/index.ts';
import { useBackend } from '../../backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../../core/options.ts';
import { tracePaths } from '../../descent/trace.ts';
import { UserError } from '../../../core/errors.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { proveWritableFile } from '../../io/destination.ts';
import { openRunDir } from '../../io/run-dir.ts';
import { resolveObjective } from '../../objectives/resolve.ts';
import { parseInitialGuesses } from '../../starts/initial-guesses.ts';
import { parsePngSize } from '../../plot/slice-args.ts';
import { traceCsv } from '../../plot/trace-csv.ts';
import { tracePng } from '../../plot/trace-png.ts';
import { commandLine } from '../format.ts';
import { traceTable } from '../trace-table.ts';
import { autoLrLine, checkTraceIters, optimizerFromArgs, settleLr, suggestionLine, withSuggestion } from '../options/descent.ts';
import type { TraceArgs } from './trace.ts';

/** `basinmap trace`, once its arguments are parsed and checked (loaded only when it runs: see trace.ts). */
export async function runTrace(a: TraceArgs): Promise<void> {
  const { objective, d, box } = await resolveObjective({ fn: a.fn, module: a.objective, dim: a.dim, box: a.box });
  const x0s = parseInitialGuesses(a.x0, d, objective.title);
  // trace has --iters, not --max-iter: only the suggested optimizer and lr apply.
  const given = withSuggestion(a, objective.suggested && { ...objective.suggested, maxIter: undefined });
  optimizerFromArgs(a, given.lr === 'auto' ? { ...given, lr: 1 } : given);
  checkTraceIters(a.iters);
  if (!(a.gtol >= 0 && Number.isFinite(a.gtol)) || !(a.xtol >= 0 && Number.isFinite(a.xtol))) throw new UserError(`--gtol and --xtol must be finite numbers ≥ 0, got ${a.gtol} and ${a.xtol}`);
  if (!(Number.isInteger(a.rows) && a.rows >= 1)) throw new UserError(`--rows must be a whole number ≥ 1, got ${a.rows}`);
  const size = parsePngSize(a.pngSize);
  if (a.png && d > 2) throw new UserError(`--png draws 1-D and 2-D functions; ${objective.title} is ${d}-dimensional (use --csv)`);
  // Every destination is proven writable before the descent; --out is written as one unit.
  proveWritableFile(a.csv, '--csv', 'trace.csv');
  proveWritableFile(a.png, '--png', 'trace.png');
  const run = a.out === undefined ? undefined : openRunDir(a.out, { command: commandLine(), onNote: (line) => process.stderr.write(`note: ${line}\n`) });
  const written: string[] = [];
  try {
    await useBackend(a.backend);
    // A few paths say little about the curvature: lr auto samples the box instead.
    const settled = await settleLr(given, a, { f: objective.f, box });
    const optimizer = optimizerFromArgs(a, settled);
    // The rule map applies (core/rule.ts), on the function's box: a path ends where map's start would.
    const descent = { ...DESCENT_DEFAULTS, optimizer, box, maxIter: a.iters, gtol: a.gtol, xtol: a.xtol, sense: a.maximize ? 'max' : 'min' } as const;
    const paths = await tracePaths(objective, x0s, descent);
    const csv = a.csv !== undefined || run ? traceCsv(paths) : undefined;
    const png = a.png !== undefined || (run && d <= 2) ? await tracePng({ objective, box, paths, optimizer, iters: a.iters, size }) : undefined;
    if (a.csv !== undefined) (writeFileAtomic(a.csv, csv!, { option: '--csv' }), written.push(a.csv));
    if (a.png !== undefined) (writeFileAtomic(a.png, png!, { option: '--png' }), written.push(a.png));
    if (run) {
      await run.write('trace.csv', csv!);
      if (d <= 2) await run.write('trace.png', png!);
      written.push(...run.commit());
    }
    process.stdout.write(
      `${objective.title}, d=${d}; ${optimizerLabel(optimizer)}, at most ${a.iters} iterations\n` +
        suggestionLine(objective, settled) +
        autoLrLine(settled) +
        '\n' +
        paths.x.map((_, k) => traceTable(paths, k, a.rows)).join('\n\n') + '\n' +
        (a.out && d > 2 ? 'no trace.png: pictures are drawn for 1-D and 2-D functions\n' : '') +
        (written.length > 0 ? `wrote ${written.join(', ')}\n` : ''),
    );
  } finally {
    run?.close();
  }
}
