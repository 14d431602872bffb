"""Rastrigin 2-D gradient descent as a researcher would write it in NumPy: float32, vectorised
over all starts, gradient derived by hand. Prints one JSON line (see benchmarks/README.md).

f(x) = 10 d + sum_i x_i^2 - 10 cos(2 pi x_i)    grad_i = 2 x_i + 20 pi sin(2 pi x_i)
"""
import argparse
import json
import platform
import statistics
import time

try:
    import numpy as np
except ImportError as e:  # reported as a skip, not a failure: the peer is simply not installed
    print(json.dumps({"peer": "numpy", "skipped": f"numpy is not installed ({e})"}))
    raise SystemExit(0)


def descend(x, steps, lr):
    lr = np.float32(lr)
    two_pi = np.float32(2 * np.pi)
    twenty_pi = np.float32(20 * np.pi)
    for _ in range(steps):
        x -= lr * (2 * x + twenty_pi * np.sin(two_pi * x))
    return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-3)
    a = ap.parse_args()

    rng = np.random.default_rng(0)
    x0 = rng.uniform(-5.12, 5.12, size=(a.n, 2)).astype(np.float32)

    def timed():
        x = x0.copy()
        t0 = time.perf_counter()
        x = descend(x, a.steps, a.lr)
        seconds = time.perf_counter() - t0
        assert x.dtype == np.float32
        return seconds

    warmup = timed()
    runs = [timed() for _ in range(a.repeats)]
    seconds = statistics.median(runs)
    print(json.dumps({
        "peer": "numpy",
        "n": a.n,
        "steps": a.steps,
        "seconds": seconds,
        "pointIterationsPerSecond": a.n * a.steps / seconds,
        "device": f"cpu ({platform.processor() or platform.machine()}), one thread",
        "runs": [a.n * a.steps / s for s in runs],
        "warmupSeconds": warmup,
        "versions": {"numpy": np.__version__, "python": platform.python_version()},
    }))


if __name__ == "__main__":
    main()
