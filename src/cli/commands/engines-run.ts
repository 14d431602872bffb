import { ENGINE_CHOICES } from '../../engines/choose.ts';
import { engineNames, findEngine } from '../../engines/registry.ts';
import '../../node/register.ts';
import type { Args } from './engines.ts';

/** `basinmap engines`, once its arguments are parsed and checked (loaded only when it runs: see engines.ts). */
export async function runEngines(args: Args): Promise<void> {
  const rows = await Promise.all(engineNames().map(async (name) => {
    const e = findEngine(name)!;
    const status = (await e.status?.()) ?? { available: true, describe: '' };
    return { name, title: e.title, ...status };
  }));
  if (args.json) {
    process.stdout.write(JSON.stringify({ choices: [...ENGINE_CHOICES, ...engineNames()], engines: rows }, null, 2) + '\n');
    return;
  }
  const w = Math.max('ENGINE'.length, ...rows.map((r) => r.name.length)) + 2;
  const out = [`${'ENGINE'.padEnd(w)}${'STATUS'.padEnd(13)}WHAT, AND WHERE IT RUNS`];
  for (const r of rows) out.push(`${r.name.padEnd(w)}${(r.available ? 'available' : 'unavailable').padEnd(13)}${r.title}`, `${' '.repeat(w + 13)}${r.describe}`);
  out.push('', '--engine auto (the default) takes the first of native, fused-cpu, tfjs that compiles the objective (fused-webgpu, tfjs on --backend webgpu);', '--engine fused takes the backend\'s fused kernel, or fails saying why.');
  process.stdout.write(out.join('\n') + '\n');
}
