"""Rastrigin 2-D gradient descent as a researcher would write it in PyTorch: float32, the
gradient by autograd of the batch sum, on the GPU when there is one. Prints one JSON line.
"""
import math

from harness import args, clock, report, skip

try:
    import torch
except ImportError as e:
    skip("torch", e)


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
    a = args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    gen = torch.Generator().manual_seed(0)
    x0 = (torch.rand(a.n, 2, generator=gen, dtype=torch.float32) * 10.24 - 5.12).to(device)

    def run():
        x = descend(x0, a.steps, a.lr)
        assert x.dtype == torch.float32
        if device.type == "cuda":
            torch.cuda.synchronize()

    threads = torch.get_num_threads()
    name = torch.cuda.get_device_name(0) if device.type == "cuda" else f"cpu, {threads} thread{'s' if threads > 1 else ''}"
    report("torch", a, lambda: clock(run), name, {"torch": torch.__version__})


if __name__ == "__main__":
    main()
