import { useBackend } from '../backends/registry.ts';
import { probeRow, tfjsBackendOf } from './engines.ts';
import { measureCell } from './cell.ts';
import { describeMachine } from './machine.ts';
import { PEERS, runPeer } from './peers.ts';
import { BENCH_SCHEMA, type BackendEntry, type BenchReport, type BenchSettings, type Cell, type PeerResult } from './report.ts';
import { HEADLINE_WORKLOAD, WORKLOADS, type PreparedWorkload, type Workload } from './workloads.ts';

/** Progress the caller may show; the library itself never prints. */
export type BenchEvent =
  | { kind: 'backend'; entry: BackendEntry }
  | { kind: 'cell-start'; workload: string; backend: string; n: number }
  | { kind: 'cell'; cell: Cell }
  | { kind: 'peer-start'; peer: string; n: number }
  | { kind: 'peer'; peer: PeerResult };

export interface BenchRequest {
  settings: BenchSettings;
  command: string;
  onEvent?: (e: BenchEvent) => void;
}

/**
 * Runs every workload × size × backend (backends innermost, so the cells a ratio compares are
 * measured minutes apart, not a whole suite apart), then the peers on the headline workload.
 * A size whose predicted cost exceeds the budget is skipped with its estimate, and so is every
 * larger size of that workload on that backend.
 */
export async function runBench(req: BenchRequest): Promise<BenchReport> {
  const t0 = performance.now();
  const { settings } = req;
  const emit = req.onEvent ?? (() => {});
  const backends = await prepareBackends(settings.backends, emit);
  const usable = backends.filter((b) => b.available).map((b) => b.name);
  const workloads = settings.workloads.map((name) => WORKLOADS[name]());
  const cells: Cell[] = [];

  for (const w of workloads) {
    const steps = w.fixedSteps ? settings.steps ?? w.defaultSteps : w.defaultSteps;
    const sizes = [...(settings.sizes ?? w.defaultSizes)].sort((a, b) => a - b);
    const over = new Map<string, string>();
    for (const requested of sizes) {
      const n = w.sizeFor(requested);
      // Starts are made only once some backend will run this size: a skipped 1e7 × 50 costs nothing.
      let prepared: PreparedWorkload | undefined;
      for (const backend of usable) {
        const prior = cells.filter((c) => c.workload === w.name && c.backend === backend && c.status === 'ok').pop();
        const estimate = prior && predictCellSeconds(prior, n, settings.repeats);
        if (!over.has(backend) && estimate !== undefined && estimate > settings.budgetSeconds) {
          over.set(backend, `over budget: predicted ${estimate.toFixed(0)} s > ${settings.budgetSeconds} s from n = ${n}`);
        }
        let cell: Cell;
        if (over.has(backend)) {
          cell = { workload: w.name, backend, n, steps, status: 'skipped', reason: over.get(backend) };
        } else {
          emit({ kind: 'cell-start', workload: w.name, backend, n });
          prepared ??= w.prepare(requested, steps);
          await useBackend(tfjsBackendOf(backend));
          cell = await measureCell(w, prepared, backend, settings.repeats);
        }
        cells.push(cell);
        emit({ kind: 'cell', cell });
      }
    }
  }
  addCpuRatios(cells);

  const peers: PeerResult[] = [];
  if (settings.peers && settings.workloads.includes(HEADLINE_WORKLOAD)) {
    peers.push(...(await runPeers(cells, workloads.find((w) => w.name === HEADLINE_WORKLOAD)!, settings, emit)));
  }

  const devices = Object.fromEntries(backends.map((b) => [b.name, b.available ? b.device ?? 'unknown' : `unavailable: ${b.reason}`]));
  return {
    schema: BENCH_SCHEMA,
    createdAt: new Date().toISOString(),
    command: req.command,
    settings,
    machine: describeMachine(devices),
    backends,
    workloads: workloads.map((w) => ({ name: w.name, title: w.title, d: w.d, optimizer: optimizerLine(w), method: w.method })),
    cells,
    peers,
    peerWorkload: HEADLINE_WORKLOAD,
    totalSeconds: (performance.now() - t0) / 1000,
  };
}

/** Probes every named backend and initialises the available ones once, timing that apart from any cell. */
async function prepareBackends(names: string[], emit: (e: BenchEvent) => void): Promise<BackendEntry[]> {
  const out: BackendEntry[] = [];
  for (const name of names) {
    const probe = await probeRow(name);
    const entry: BackendEntry = { name, ...probe };
    if (probe.available) {
      const t = performance.now();
      try {
        await useBackend(tfjsBackendOf(name));
        entry.initSeconds = (performance.now() - t) / 1000;
      } catch (e) {
        entry.available = false;
        entry.reason = (e as Error).message;
      }
    }
    out.push(entry);
    emit({ kind: 'backend', entry });
  }
  return out;
}

/** Warm-up + repeats + the profiled short run, scaled linearly in n from the last measured size. */
export function predictCellSeconds(prior: Cell, n: number, repeats: number): number {
  const perRun = prior.seconds!.median * (n / prior.n);
  return (repeats + 1.3) * perRun;
}

function addCpuRatios(cells: Cell[]): void {
  for (const c of cells) {
    if (c.status !== 'ok') continue;
    const cpu = cells.find((o) => o.backend === 'cpu' && o.workload === c.workload && o.n === c.n && o.status === 'ok');
    c.vsCpu = cpu ? c.pointIterationsPerSecond!.median / cpu.pointIterationsPerSecond!.median : null;
  }
}

/** Each peer at every headline size that at least one of our backends measured, within the same budget. */
async function runPeers(cells: Cell[], headline: Workload, settings: BenchSettings, emit: (e: BenchEvent) => void): Promise<PeerResult[]> {
  const ours = cells.filter((c) => c.workload === headline.name && c.status === 'ok');
  const sizes = [...new Set(ours.map((c) => c.n))].sort((a, b) => a - b);
  const steps = settings.steps ?? headline.defaultSteps;
  const results: PeerResult[] = [];
  for (const peer of PEERS) {
    let lastOk: PeerResult | undefined;
    let unusable: PeerResult | undefined;
    for (const n of sizes) {
      let r: PeerResult;
      const estimate = lastOk && (settings.repeats + 1) * lastOk.seconds! * (n / lastOk.n);
      if (unusable) {
        // Not installed (or broken) at one size is not installed at every size: run it once only.
        r = { peer, n, steps, status: unusable.status, reason: unusable.reason };
      } else if (estimate !== undefined && estimate > settings.budgetSeconds) {
        r = { peer, n, steps, status: 'skipped', reason: `over budget: predicted ${estimate.toFixed(0)} s > ${settings.budgetSeconds} s` };
      } else {
        emit({ kind: 'peer-start', peer, n });
        r = await runPeer(peer, { n, steps, repeats: settings.repeats, timeoutSeconds: Math.max(60, 4 * settings.budgetSeconds) });
        if (r.status === 'ok') lastOk = r;
        else unusable = r;
      }
      if (r.status === 'ok') {
        r.vs = Object.fromEntries(ours.filter((c) => c.n === n && c.steps === steps).map((c) => [c.backend, r.pointIterationsPerSecond! / c.pointIterationsPerSecond!.median]));
      }
      results.push(r);
      emit({ kind: 'peer', peer: r });
    }
  }
  return results;
}

function optimizerLine(w: Workload): string {
  const o = w.optimizer;
  const extra = o.name === 'momentum' || o.name === 'nesterov' ? ` beta ${o.beta}` : o.name === 'adam' ? ` beta1 ${o.beta1} beta2 ${o.beta2} eps ${o.eps}` : '';
  return `${o.name} lr ${o.lr}${extra}`;
}
