import type { Spread } from './stats.ts';
import type { MachineInfo } from './machine.ts';

/** Version of the JSON layout below; `--compare` refuses files of another major version. */
export const BENCH_SCHEMA = 'basinmap-bench/1';

/** What was asked for, after defaults were applied. */
export interface BenchSettings {
  suite: string;
  backends: string[];
  /** Sizes as given; null means each workload's own default sizes. */
  sizes: number[] | null;
  workloads: string[];
  repeats: number;
  /** Steps of the fixed-step workloads; null means each workload's default. */
  steps: number | null;
  budgetSeconds: number;
  peers: boolean;
}

export interface BackendEntry {
  name: string;
  available: boolean;
  reason?: string;
  device?: string;
  software?: boolean;
  versions?: Record<string, string>;
  /** Registering and initialising the backend with tfjs (wasm: compiling the module), once per process. */
  initSeconds?: number;
}

export interface WorkloadEntry {
  name: string;
  title: string;
  d: number;
  optimizer: string;
  /** How the figure is measured, in one sentence (driver, termination, what the clock covers). */
  method: string;
}

export type CellStatus = 'ok' | 'skipped' | 'failed';

/** One workload × backend × batch size. Figures are absent unless status is 'ok'. */
export interface Cell {
  workload: string;
  backend: string;
  n: number;
  /** Update steps per start: fixed for stepping workloads, the mean nit for the map. */
  steps: number;
  status: CellStatus;
  reason?: string;
  /** Starts × steps per second of wall time, over the repeats (warm-up excluded). */
  pointIterationsPerSecond?: Spread;
  /** Wall time of each repeat. */
  seconds?: Spread;
  /** Median seconds per step of the whole batch. */
  secondsPerStep?: number;
  /** The first run of this cell (shader compilation, wasm and kernel caches warm up in it), never mixed into the repeats. */
  warmupSeconds?: number;
  /** Kernels tfjs dispatches for one plain update step (gradient + optimizer + add), by tf.profile. */
  kernelsPerStep?: number;
  /** Kernels per step of the driver itself, averaged over a short run, termination checks included. */
  kernelsPerStepAmortised?: number;
  /** Highest process RSS seen while this cell ran (sampled at every termination check and after each run). */
  peakRssBytes?: number;
  /** tf.memory() bytes at their peak over a short profiled run of the same batch (tf.profile peakBytes). */
  peakTensorBytes?: number;
  /** Median throughput divided by cpu's on the same workload and size, measured in the same run. */
  vsCpu?: number | null;
  /** Map workload only: where the time went (median run) and what it found. */
  map?: { basins: number; seconds: { descent: number; summary: number; write: number } };
}

export interface PeerResult {
  peer: string;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  n: number;
  steps: number;
  seconds?: number;
  pointIterationsPerSecond?: number;
  /** Every timed repeat the peer reported, when it reported them. */
  runs?: number[];
  warmupSeconds?: number;
  device?: string;
  versions?: Record<string, string>;
  /** Peer throughput divided by each of our backends' median on the same workload, n and steps. */
  vs?: Record<string, number>;
}

export interface BenchReport {
  schema: typeof BENCH_SCHEMA;
  createdAt: string;
  /** The command line that produced this file. */
  command: string;
  settings: BenchSettings;
  machine: MachineInfo;
  backends: BackendEntry[];
  workloads: WorkloadEntry[];
  cells: Cell[];
  peers: PeerResult[];
  /** Peers are measured on this workload only. */
  peerWorkload: string;
  /** Total wall time of the bench command, seconds. */
  totalSeconds: number;
}
