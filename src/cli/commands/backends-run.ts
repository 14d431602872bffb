import { BACKENDS, defaultBackend, probeBackend } from '../../backends/registry.ts';
import type { Args } from './backends.ts';

/** `basinmap backends`, once its arguments are parsed and checked (loaded only when it runs: see backends.ts). */
export async function runBackends(args: Args): Promise<void> {
  const specs = Object.values(BACKENDS).sort((a, b) => b.speedRank - a.speedRank);
  const probes = await Promise.all(specs.map((s) => probeBackend(s.name)));
  const rows = specs.map((s, i) => ({
    name: s.name,
    available: probes[i].available,
    software: probes[i].software ?? false,
    device: probes[i].device,
    reason: probes[i].reason,
    versions: probes[i].versions ?? {},
    description: s.description,
    speedRank: s.speedRank,
  }));
  const chosen = await defaultBackend();
  if (args.json) {
    process.stdout.write(JSON.stringify({ default: chosen, backends: rows }, null, 2) + '\n');
    return;
  }
  const status = (r: (typeof rows)[number]) => (!r.available ? 'unavailable' : r.software ? 'available*' : 'available');
  const w1 = Math.max('BACKEND'.length, ...rows.map((r) => r.name.length)) + 2;
  const w2 = Math.max('STATUS'.length, ...rows.map((r) => status(r).length)) + 2;
  const pad = ' '.repeat(w1 + w2);
  const out: string[] = [`${'BACKEND'.padEnd(w1)}${'STATUS'.padEnd(w2)}DEVICE OR REASON`];
  for (const r of rows) {
    out.push(`${r.name.padEnd(w1)}${status(r).padEnd(w2)}${r.available ? r.device ?? '' : r.reason ?? ''}`);
    const versions = Object.entries(r.versions).map(([pkg, v]) => `${pkg} ${v}`).join(', ');
    if (versions) out.push(`${pad}versions: ${versions}`);
    out.push(`${pad}${r.description}`);
  }
  if (rows.some((r) => r.available && r.software)) {
    out.push('', '* software adapter: runs on the CPU and is slower than wasm; used only when named with --backend');
  }
  out.push('', `default (no --backend): ${chosen}`);
  process.stdout.write(out.join('\n') + '\n');
}
