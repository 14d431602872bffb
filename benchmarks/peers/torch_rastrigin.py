"""Rastrigin 2-D gradient descent as a researcher would write it in PyTorch: float32, the
gradient by autograd of the batch sum, on the GPU when there is one. Prints one JSON line.
"""
import argparse
import json
import math
import platform
import statistics
import time

try:
    import torch
except ImportError as e:
    print(json.dumps({"peer": "torch", "skipped": f"torch is not installed ({e})"}))
    raise SystemExit(0)


def rastrigin(x):
    return 10 * x.shape[1] + (x**2 - 10 * torch.cos(2 * math.pi * x)).sum(dim=1)


def descend(x, steps, lr):
    x = x.clone().requires_grad_(True)
    for _ in range(steps):
        (g,) = torch.autograd.grad(rastrigin(x).sum(), x)
        with torch.no_grad():
            x -= lr * g
    return x.detach()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-3)
    a = ap.parse_args()

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    gen = torch.Generator().manual_seed(0)
    x0 = (torch.rand(a.n, 2, generator=gen, dtype=torch.float32) * 10.24 - 5.12).to(device)

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    def timed():
        sync()
        t0 = time.perf_counter()
        x = descend(x0, a.steps, a.lr)
        sync()
        seconds = time.perf_counter() - t0
        assert x.dtype == torch.float32
        return seconds

    warmup = timed()
    runs = [timed() for _ in range(a.repeats)]
    seconds = statistics.median(runs)
    name = torch.cuda.get_device_name(0) if device.type == "cuda" else f"cpu, {torch.get_num_threads()} thread{'s' if torch.get_num_threads() > 1 else ''}"
    print(json.dumps({
        "peer": "torch",
        "n": a.n,
        "steps": a.steps,
        "seconds": seconds,
        "pointIterationsPerSecond": a.n * a.steps / seconds,
        "device": name,
        "runs": [a.n * a.steps / s for s in runs],
        "warmupSeconds": warmup,
        "versions": {"torch": torch.__version__, "python": platform.python_version()},
    }))


if __name__ == "__main__":
    main()
