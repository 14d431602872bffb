/* Rastrigin 2-D gradient descent as the native-engine issue measured it by hand: the fused loop in
 * plain C, float32, every step of a block of starts while it sits in L1, glibc's vector sinf
 * (libmvec, through -ffast-math), OpenMP over the cores. No termination test, no statuses, no
 * results beyond x: the machine's ceiling for this arithmetic, not a peer that does what basinmap
 * does. c_rastrigin.py compiles it with the flags and reports it like the other peers.
 *
 * The starts are two columns (x, y), the layout C code takes for SIMD: measured here, one flat
 * array of 2n values runs 0.8x as fast (one libmvec call per iteration instead of two) and [n, 2]
 * rows updated in pairs 0.4x (the lanes need shuffles).
 *
 * Usage: c_rastrigin N STEPS LR RUNS   prints the wall seconds of each run of the steps from the
 * same starts (made outside the clock), one line each; the first run is the warm-up.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void descend(float *x, float *y, int64_t n, int steps, float lr) {
  const float two_pi = (float)(2 * M_PI), twenty_pi = (float)(20 * M_PI);
#pragma omp parallel for schedule(static)
  for (int64_t b = 0; b < n; b += 1024) {
    const int64_t e = b + 1024 < n ? b + 1024 : n;
    for (int k = 0; k < steps; k++) {
#pragma omp simd
      for (int64_t i = b; i < e; i++) {
        const float gx = 2 * x[i] + twenty_pi * sinf(two_pi * x[i]);
        const float gy = 2 * y[i] + twenty_pi * sinf(two_pi * y[i]);
        x[i] -= lr * gx;
        y[i] -= lr * gy;
      }
    }
  }
}

int main(int argc, char **argv) {
  if (argc != 5) return fprintf(stderr, "usage: c_rastrigin N STEPS LR RUNS\n"), 2;
  const int64_t n = atoll(argv[1]);
  const int steps = atoi(argv[2]), runs = atoi(argv[4]);
  const float lr = (float)atof(argv[3]);
  float *x0 = malloc(2 * (size_t)n * sizeof *x0), *x = malloc((size_t)n * sizeof *x), *y = malloc((size_t)n * sizeof *y);
  if (!x0 || !x || !y) return fprintf(stderr, "out of memory for %lld starts\n", (long long)n), 1;
  /* Uniform in the box [-5.12, 5.12]^2 from a fixed LCG: the same starts every run. */
  uint64_t s = 0x9e3779b97f4a7c15ull;
  for (int64_t i = 0; i < 2 * n; i++) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    x0[i] = (float)(-5.12 + 10.24 * (double)(s >> 11) / 9007199254740992.0);
  }
  for (int r = 0; r < runs; r++) {
    for (int64_t i = 0; i < n; i++) x[i] = x0[i], y[i] = x0[n + i];
    const double t0 = now();
    descend(x, y, n, steps, lr);
    const double seconds = now() - t0;
    /* The end points are read, so no compiler may drop the loop. */
    double sum = 0;
    for (int64_t i = 0; i < n; i++) sum += x[i] + y[i];
    printf("%.9f %.6g\n", seconds, sum);
  }
  free(x0);
  free(x);
  free(y);
  return 0;
}
