import { HEADLINE_WORKLOAD, WORKLOAD_NAMES } from './workload-names.ts';

/** A named set of defaults; every one of them can be overridden from the command line. */
export interface Suite {
  name: string;
  describe: string;
  workloads: string[];
  /** null: each workload's own default sizes. */
  sizes: number[] | null;
  repeats: number;
  /** null: each workload's default steps. */
  steps: number | null;
  budgetSeconds: number;
}

export const SUITES: Record<string, Suite> = {
  standard: {
    name: 'standard',
    describe: 'every workload at its default sizes (Rastrigin 1e2..1e6, the 10-D and 50-D ones 1e2..1e5, the map 100² to 1000²)',
    workloads: [...WORKLOAD_NAMES],
    sizes: null,
    repeats: 3,
    steps: null,
    budgetSeconds: 120,
  },
  headline: {
    name: 'headline',
    describe: 'Rastrigin 2-D gd only, 1e2..1e7 starts',
    workloads: [HEADLINE_WORKLOAD],
    sizes: [1e2, 1e3, 1e4, 1e5, 1e6, 1e7],
    repeats: 3,
    steps: null,
    budgetSeconds: 120,
  },
  quick: {
    name: 'quick',
    describe: 'every workload on 100 and 1000 starts, 5 steps: a smoke test, not a measurement',
    workloads: [...WORKLOAD_NAMES],
    sizes: [100, 1000],
    repeats: 2,
    steps: 5,
    budgetSeconds: 30,
  },
};
