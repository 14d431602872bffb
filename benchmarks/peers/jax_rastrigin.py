"""Rastrigin 2-D gradient descent as a researcher would write it in JAX: float32,
jit(vmap(grad(f))) stepped by lax.fori_loop inside one jit, on the GPU when there is one.
The first (warm-up) run includes compilation and is reported apart. Prints one JSON line.
"""
import argparse
import functools
import json
import platform
import statistics
import time

try:
    import jax
    import jax.numpy as jnp
except ImportError as e:
    print(json.dumps({"peer": "jax", "skipped": f"jax is not installed ({e})"}))
    raise SystemExit(0)


def rastrigin(x):
    return 10 * x.shape[0] + jnp.sum(x**2 - 10 * jnp.cos(2 * jnp.pi * x))


grad_all = jax.vmap(jax.grad(rastrigin))


@functools.partial(jax.jit, static_argnums=(1,))
def descend(x, steps, lr):
    return jax.lax.fori_loop(0, steps, lambda _, x: x - lr * grad_all(x), x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-3)
    a = ap.parse_args()

    x0 = jax.random.uniform(jax.random.PRNGKey(0), (a.n, 2), jnp.float32, -5.12, 5.12)
    lr = jnp.float32(a.lr)

    def timed():
        t0 = time.perf_counter()
        x = descend(x0, a.steps, lr).block_until_ready()
        seconds = time.perf_counter() - t0
        assert x.dtype == jnp.float32
        return seconds

    warmup = timed()
    runs = [timed() for _ in range(a.repeats)]
    seconds = statistics.median(runs)
    dev = jax.devices()[0]
    print(json.dumps({
        "peer": "jax",
        "n": a.n,
        "steps": a.steps,
        "seconds": seconds,
        "pointIterationsPerSecond": a.n * a.steps / seconds,
        "device": f"{dev.platform}: {getattr(dev, 'device_kind', str(dev))}",
        "runs": [a.n * a.steps / s for s in runs],
        "warmupSeconds": warmup,
        "versions": {"jax": jax.__version__, "python": platform.python_version()},
    }))


if __name__ == "__main__":
    main()
