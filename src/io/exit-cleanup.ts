/**
 * Cleanup that must happen however the process ends: a normal return, process.exit from a
 * signal handler (a second Ctrl-C), an uncaught error. Node emits 'exit' on each of those, and
 * only synchronous work can run then, so every action here is synchronous. (SIGKILL and power
 * loss run nothing: the run directory cleans up after a dead process the next time it opens.)
 */
const actions = new Set<() => void>();
let installed = false;

/** Runs `action` at exit unless the returned function is called first. */
export function onExit(action: () => void): () => void {
  if (!installed) {
    process.on('exit', runAll);
    installed = true;
  }
  actions.add(action);
  return () => {
    actions.delete(action);
  };
}

function runAll(): void {
  for (const action of [...actions]) {
    try {
      action();
    } catch {
      // The process is ending: an action that fails cannot be retried or reported, and must not
      // keep the others from running.
    }
  }
  actions.clear();
}
