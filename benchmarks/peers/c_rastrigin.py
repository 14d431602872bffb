"""Rastrigin 2-D gradient descent as plain C (c_rastrigin.c): the loop the native-engine issue
timed by hand, compiled here with its flags (-O3 -march=native -ffast-math -fopenmp: glibc's
vector sinf, every core) by $CC, else cc, else gcc. The machine's ceiling for this arithmetic,
measured in the same bench command as everything else. Prints one JSON line (benchmarks/README.md).
"""
import os
import platform
import shlex
import shutil
import subprocess
import tempfile

from harness import args, report, skip_because

FLAGS = ["-O3", "-march=native", "-ffast-math", "-fopenmp"]
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "c_rastrigin.c")


def compiler():
    """The compiler's argv: $CC split as a shell would (it may carry flags, as the native engine reads it)."""
    if os.environ.get("CC"):
        cc = os.environ["CC"]
        argv = shlex.split(cc)
        return argv if argv and shutil.which(argv[0]) else skip_because("c", f"CC={cc} is not on PATH: install it or unset CC")
    for name in ["cc", "gcc"]:
        if shutil.which(name):
            return [name]
    skip_because("c", "no C compiler on PATH: install gcc or set CC")


def main():
    a = args()
    cc = compiler()
    version = subprocess.run([cc[0], "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    with tempfile.TemporaryDirectory(prefix="basinmap-c-peer-") as tmp:
        exe = os.path.join(tmp, "c_rastrigin")
        built = subprocess.run([*cc, *FLAGS, SOURCE, "-o", exe, "-lm"], capture_output=True, text=True)
        if built.returncode != 0:
            why = (built.stderr.strip().split("\n") or [""])[-1]
            skip_because("c", f"{shlex.join(cc)} {' '.join(FLAGS)} failed ({why}): install gcc (with OpenMP) or set CC")
        # One process for the warm-up and every repeat: OpenMP's threads and libmvec's pages
        # are set up once, as in the other peers' single interpreter.
        out = subprocess.run([exe, str(a.n), str(a.steps), repr(a.lr), str(a.repeats + 1)], capture_output=True, text=True, check=True)
    seconds = iter(float(line.split()[0]) for line in out.stdout.strip().split("\n"))
    threads = os.environ.get("OMP_NUM_THREADS") or str(os.cpu_count())
    device = f"cpu ({platform.processor() or platform.machine()}), {threads} threads (OpenMP), {shlex.join(cc)} {' '.join(FLAGS)}"
    report("c", a, lambda: next(seconds), device, {"cc": version})


if __name__ == "__main__":
    main()
