import { LIBRARY } from '../../objectives/library/index.ts';
import { formatNumber } from '../format.ts';
import { suggestionFlags } from '../options/descent.ts';
import type { Args } from './functions.ts';

/** `basinmap functions`, once its arguments are parsed and checked (loaded only when it runs: see functions.ts). */
export async function runFunctions(args: Args): Promise<void> {
  const rows = LIBRARY.map((o) => {
    const d = o.defaultDim;
    const minima = o.known(d).filter((p) => p.kind === 'minimum');
    return {
      name: o.name,
      title: o.title,
      dim: o.dim,
      formula: o.formula,
      box: o.box(d),
      minima: minima.map((m) => ({ x: m.x, f: m.f, global: !!m.global })),
      source: o.source,
      suggested: o.suggested ?? null,
    };
  });
  if (args.json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  for (const r of rows) {
    const dims = r.dim === 'any' ? `any d (shown for d=${LIBRARY.find((o) => o.name === r.name)!.defaultDim})` : `d=${r.dim}`;
    process.stdout.write(`${r.name}  ${r.title}, ${dims}\n  f = ${r.formula}\n  box ${r.box.map(([a, b]) => `[${a}, ${b}]`).join(' x ')}\n`);
    if (r.minima.length === 0) process.stdout.write('  minima: not tabulated for this dimension\n');
    for (const m of r.minima) {
      process.stdout.write(`  ${m.global ? 'global' : 'local '} f=${formatNumber(m.f)} at (${m.x.map(formatNumber).join(', ')})\n`);
    }
    const s = r.suggested;
    if (s) process.stdout.write(`  suggested: ${suggestionFlags(s)} (what map uses unless told otherwise)\n`);
  }
}
