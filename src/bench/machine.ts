import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../backends/versions.ts';

/** Where a benchmark ran: without this a throughput figure cannot be compared with anything. */
export interface MachineInfo {
  cpuModel: string;
  /** Logical cores the OS reports (os.availableParallelism). */
  cores: number;
  memoryBytes: number;
  os: { platform: string; release: string; arch: string; version: string };
  node: string;
  /** Versions of the packages whose code is on the measured path. */
  packages: Record<string, string>;
  /** The adapter or device each backend's probe named (or why it is unavailable). */
  devices: Record<string, string>;
}

const PACKAGES = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  'webgpu',
  '@napi-rs/canvas',
];

export function describeMachine(devices: Record<string, string>): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model?.trim() || 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryBytes: os.totalmem(),
    os: { platform: os.platform(), release: os.release(), arch: os.arch(), version: os.version() },
    node: process.version,
    packages: { basinmap: ownVersion(), ...Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])) },
    devices,
  };
}

/** One line for table headers and the README: "AMD EPYC, 2 cores, 23.4 GiB, linux 6.1 x64, Node v20". */
export function machineLine(m: MachineInfo): string {
  const gib = (m.memoryBytes / 2 ** 30).toFixed(1);
  return `${m.cpuModel}, ${m.cores} cores, ${gib} GiB, ${m.os.platform} ${m.os.release} ${m.os.arch}, Node ${m.node}, tfjs ${m.packages['@tensorflow/tfjs-core']}`;
}

/**
 * This checkout's version and commit ("0.1.0, git dc899de+modified"): basinmap is not installed
 * under its own node_modules, and two runs of one version may still differ by uncommitted work.
 */
function ownVersion(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
  } catch {
    // keep 'unknown'
  }
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
    return `${version}, git ${git(['rev-parse', '--short', 'HEAD'])}${dirty ? '+modified' : ''}`;
  } catch {
    return version;
  }
}
