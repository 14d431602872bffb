"""Rastrigin 2-D gradient descent as a researcher would write it in NumPy: float32, vectorised
over all starts, gradient derived by hand. Prints one JSON line (see benchmarks/README.md).

f(x) = 10 d + sum_i x_i^2 - 10 cos(2 pi x_i)    grad_i = 2 x_i + 20 pi sin(2 pi x_i)
"""
import platform

from harness import args, clock, report, skip

try:
    import numpy as np
except ImportError as e:
    skip("numpy", e)


def descend(x, steps, lr):
    lr = np.float32(lr)
    two_pi = np.float32(2 * np.pi)
    twenty_pi = np.float32(20 * np.pi)
    for _ in range(steps):
        x -= lr * (2 * x + twenty_pi * np.sin(two_pi * x))
    return x


def main():
    a = args()
    x0 = np.random.default_rng(0).uniform(-5.12, 5.12, size=(a.n, 2)).astype(np.float32)

    def run_once():
        x = x0.copy()
        seconds = clock(lambda: descend(x, a.steps, a.lr))
        assert x.dtype == np.float32
        return seconds

    report("numpy", a, run_once, f"cpu ({platform.processor() or platform.machine()}), one thread", {"numpy": np.__version__})


if __name__ == "__main__":
    main()
