"""Rastrigin 2-D gradient descent as a researcher would write it in JAX: float32,
jit(vmap(grad(f))) stepped by lax.fori_loop inside one jit, on the GPU when there is one.
The first (warm-up) run includes compilation and is reported apart. Prints one JSON line.
"""
import functools

from harness import args, clock, report, skip

try:
    import jax
    import jax.numpy as jnp
except ImportError as e:
    skip("jax", e)


def rastrigin(x):
    return 10 * x.shape[0] + jnp.sum(x**2 - 10 * jnp.cos(2 * jnp.pi * x))


grad_all = jax.vmap(jax.grad(rastrigin))


@functools.partial(jax.jit, static_argnums=(1,))
def descend(x, steps, lr):
    return jax.lax.fori_loop(0, steps, lambda _, x: x - lr * grad_all(x), x)


def main():
    a = args()
    x0 = jax.random.uniform(jax.random.PRNGKey(0), (a.n, 2), jnp.float32, -5.12, 5.12)
    lr = jnp.float32(a.lr)

    def run():
        x = descend(x0, a.steps, lr).block_until_ready()
        assert x.dtype == jnp.float32

    dev = jax.devices()[0]
    report("jax", a, lambda: clock(run), f"{dev.platform}: {getattr(dev, 'device_kind', str(dev))}", {"jax": jax.__version__})


if __name__ == "__main__":
    main()
