/**
 * Ctrl-C during a long sweep: the first SIGINT asks the run to stop at its next check, so the
 * results so far are written (marked partial) instead of lost; a second one quits at once.
 */
export function interruptOnSigint(say: (line: string) => void) {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    say('interrupted: stopping at the next check and writing the results so far (Ctrl-C again quits now)');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    dispose: () => process.off('SIGINT', onSigint),
  };
}
