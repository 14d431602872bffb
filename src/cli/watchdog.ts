import { Worker } from 'node:worker_threads';

/**
 * `--timeout SECONDS`: a watchdog on a thread of its own. The run beats at each phase and at every
 * progress report; when no beat comes for the timeout (a user's f that never returns blocks the
 * main thread, where no signal handler or timer can run), the watchdog prints one line naming the
 * phase that stalled and ends the process with SIGKILL (a shell reports exit status 137): nothing else can stop a
 * thread stuck in a loop. What a killed run leaves (a lock, a staging directory beside --out) is
 * cleared by the next run into the same --out.
 */
let beats: Int32Array | undefined;
let worker: Worker | undefined;

export function startWatchdog(seconds: number): void {
  if (worker) return;
  beats = new Int32Array(new SharedArrayBuffer(4));
  worker = new Worker(WATCHDOG, { eval: true, workerData: { beats, seconds } });
  worker.unref();
}

/** Marks progress; with `phase`, also what the run is doing now (named if it stalls there). */
export function heartbeat(phase?: string): void {
  if (!beats || !worker) return;
  Atomics.add(beats, 0, 1);
  if (phase !== undefined) worker.postMessage(phase);
}

export function stopWatchdog(): void {
  void worker?.terminate();
  worker = undefined;
  beats = undefined;
}

const WATCHDOG = /* js */ `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { beats, seconds } = workerData;
let phase = 'starting';
let seen = Atomics.load(beats, 0);
let since = Date.now();
parentPort.on('message', (p) => { phase = p; });
setInterval(() => {
  const now = Atomics.load(beats, 0);
  if (now !== seen) { seen = now; since = Date.now(); return; }
  if (Date.now() - since < seconds * 1000) return;
  writeSync(2, 'basinmap: error: no progress for ' + seconds + ' s while ' + phase + ' (--timeout ' + seconds + '): it never returned; stopping the process (exit 137)\\n');
  process.kill(process.pid, 'SIGKILL');
}, 200);
`;
