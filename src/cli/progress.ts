import type { Progress } from '../descent/progress.ts';
import { heartbeat } from './watchdog.ts';

/**
 * Turns the driver's progress callbacks into a bar on stderr when stderr is a terminal, a plain
 * line every few seconds when it is not (logs, CI), and nothing with --quiet.
 */
export function progressReporter(opts: { quiet: boolean; stream?: NodeJS.WriteStream; intervalMs?: number }) {
  const stream = opts.stream ?? process.stderr;
  const tty = !!stream.isTTY;
  const every = opts.intervalMs ?? (tty ? 100 : 5000);
  const started = performance.now();
  // A terminal bar starts at once; a log line only once a run has lasted a whole interval.
  let last = tty ? 0 : started;
  let drawn = false;
  return {
    onProgress(p: Progress) {
      heartbeat();
      if (opts.quiet) return;
      const now = performance.now();
      if (now - last < every) return;
      last = now;
      const line = describe(p, (now - started) / 1000);
      if (tty) {
        const width = stream.columns || 80;
        stream.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
        drawn = true;
      } else stream.write(line + '\n');
    },
    done() {
      if (drawn) stream.write(`\r${' '.repeat((stream.columns || 80) - 1)}\r`);
    },
  };
}

function describe(p: Progress, seconds: number): string {
  const frac = p.n > 0 ? p.done / p.n : 1;
  const barWidth = 24;
  const filled = Math.round(frac * barWidth);
  const rate = seconds > 0 ? p.done / seconds : 0;
  const eta = rate > 0 ? (p.n - p.done) / rate : NaN;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${(frac * 100).toFixed(1)}% ` +
    `${p.done.toLocaleString('en')}/${p.n.toLocaleString('en')} starts, ${p.live.toLocaleString('en')} live, ` +
    `iteration ${p.iteration}/${p.maxIter}` +
    (p.chunks > 1 ? `, chunk ${p.chunk + 1}/${p.chunks}` : '') +
    `, ${rate.toFixed(0)} starts/s` +
    (Number.isFinite(eta) ? `, ETA ${eta.toFixed(0)} s` : '')
  );
}
