"""What every peer shares: the command line, the warm-up run reported apart, the timed repeats,
and the one JSON line basinmap bench reads (see benchmarks/README.md). A peer supplies only how it
makes its starts, how it runs the steps, and how it names its device and versions."""
import argparse
import json
import platform
import statistics
import time


def args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-3)
    return ap.parse_args()


def report(peer, a, run_once, device, versions):
    """run_once() runs a.steps steps from the same starts and returns its wall seconds."""
    warmup = run_once()
    runs = [run_once() for _ in range(a.repeats)]
    seconds = statistics.median(runs)
    print(json.dumps({
        "peer": peer,
        "n": a.n,
        "steps": a.steps,
        "seconds": seconds,
        "pointIterationsPerSecond": a.n * a.steps / seconds,
        "device": device,
        "runs": [a.n * a.steps / s for s in runs],
        "warmupSeconds": warmup,
        "versions": {**versions, "python": platform.python_version()},
    }))


def clock(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def skip(peer, error):
    """A peer that is not installed is reported as skipped, not as a failure."""
    skip_because(peer, f"{peer} is not installed ({error})")


def skip_because(peer, reason):
    """Skipped, with the whole reason (one line naming the fix)."""
    print(json.dumps({"peer": peer, "skipped": reason}))
    raise SystemExit(0)
