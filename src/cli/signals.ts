/**
 * What SIGINT (Ctrl-C), SIGTERM (Slurm's time limit, kill) and SIGHUP do to the CLI. By default
 * the process exits at once with 128 + the signal number, and the exit cleanup (io/exit-cleanup.ts)
 * removes its temporary files, staging directories and locks, so earlier outputs stay as they
 * were. A command with results worth saving (map's sweep) asks for a graceful stop instead:
 * then the first SIGINT or SIGTERM asks it to stop and write what it has, and any second signal
 * exits at once, abandoning that write.
 */
const CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof CODES;

interface Graceful {
  onFirst(signal: Signal): void;
  onAgain(signal: Signal): void;
  received?: Signal;
}
let graceful: Graceful | undefined;
let installed = false;

/** Installs the default policy (exit with cleanup); called once by main. */
export function installSignalPolicy(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(CODES) as Signal[]) {
    process.on(signal, () => {
      if (graceful && signal !== 'SIGHUP' && !graceful.received) {
        graceful.received = signal;
        graceful.onFirst(signal);
        return;
      }
      graceful?.onAgain(signal);
      process.exit(CODES[signal]);
    });
  }
}

/**
 * A graceful stop for the duration of a sweep: `signal` aborts at the first SIGINT or SIGTERM,
 * `exitCode` is then the conventional status (130, 143), and `say` tells the user what happens.
 * `writing(dir)` switches the messages to the writing phase. dispose() restores the default.
 */
export function gracefulStop(say: (line: string) => void) {
  installSignalPolicy();
  const controller = new AbortController();
  let writingTo: string | undefined;
  const name = (s: Signal) => (s === 'SIGINT' ? 'interrupted' : `terminated (${s})`);
  const g: Graceful = {
    onFirst(signal) {
      say(
        writingTo === undefined
          ? `${name(signal)}: stopping at the next check and writing the results so far (Ctrl-C again quits now)`
          : `${name(signal)}: finishing writing ${writingTo} (Ctrl-C again abandons it and leaves ${writingTo} as it was)`,
      );
      controller.abort();
    },
    onAgain(signal) {
      say(writingTo === undefined ? `${name(signal)} again: quitting now` : `${name(signal)} again: quitting now; ${writingTo} is as it was before this run`);
    },
  };
  graceful = g;
  return {
    signal: controller.signal,
    get exitCode(): number | undefined {
      return g.received && CODES[g.received];
    },
    writing(dir: string) {
      writingTo = dir;
    },
    dispose() {
      if (graceful === g) graceful = undefined;
    },
  };
}
