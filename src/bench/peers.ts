import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PeerResult } from './report.ts';

/**
 * The headline workload written the way a researcher would write it elsewhere; each script lives
 * in benchmarks/peers/ and prints one JSON line (see benchmarks/README.md). `c` is the hand-written
 * C loop with no termination test (compiled by its script): the ceiling the native engine is held
 * against, measured in the same command.
 */
export const PEERS = ['numpy', 'torch', 'jax', 'c'] as const;
export type PeerName = (typeof PEERS)[number];

export const PEERS_DIR = fileURLToPath(new URL('../../benchmarks/peers/', import.meta.url));

export function peerScript(peer: PeerName): string {
  return `${PEERS_DIR}${peer}_rastrigin.py`;
}

/** The interpreter: $BASINMAP_PYTHON, else Debian's own (its numpy and torch come from apt). */
export function pythonPath(): string {
  return process.env.BASINMAP_PYTHON || '/usr/bin/python3';
}

export interface PeerRequest {
  n: number;
  steps: number;
  repeats: number;
  python?: string;
  timeoutSeconds?: number;
}

/** Runs one peer script; never throws: a missing interpreter or module is a 'skipped' result with the reason. */
export async function runPeer(peer: PeerName, req: PeerRequest): Promise<PeerResult> {
  const python = req.python ?? pythonPath();
  const base = { peer, n: req.n, steps: req.steps };
  const args = [peerScript(peer), '--n', String(req.n), '--steps', String(req.steps), '--repeats', String(req.repeats)];
  const out = await spawnCollect(python, args, (req.timeoutSeconds ?? 600) * 1000);
  if (out.error) {
    const why = (out.error as NodeJS.ErrnoException).code === 'ENOENT' ? `no Python at ${python} (set BASINMAP_PYTHON)` : out.error.message;
    return { ...base, status: 'skipped', reason: why };
  }
  const line = out.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) {
    const err = out.stderr.trim().split('\n').pop() ?? '';
    return { ...base, status: 'failed', reason: out.timedOut ? `timed out` : `exit ${out.code}: ${err}` };
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(line);
  } catch {
    return { ...base, status: 'failed', reason: `unreadable output: ${line.slice(0, 120)}` };
  }
  if (typeof doc.skipped === 'string') return { ...base, status: 'skipped', reason: doc.skipped, device: doc.device as string | undefined };
  if (typeof doc.pointIterationsPerSecond !== 'number') return { ...base, status: 'failed', reason: `no pointIterationsPerSecond in ${line.slice(0, 120)}` };
  return {
    ...base,
    status: 'ok',
    n: doc.n as number,
    steps: doc.steps as number,
    seconds: doc.seconds as number,
    pointIterationsPerSecond: doc.pointIterationsPerSecond,
    runs: doc.runs as number[] | undefined,
    warmupSeconds: doc.warmupSeconds as number | undefined,
    device: doc.device as string | undefined,
    versions: doc.versions as Record<string, string> | undefined,
  };
}

interface Collected {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
  timedOut: boolean;
}

function spawnCollect(cmd: string, args: string[], timeoutMs: number): Promise<Collected> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, error, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
