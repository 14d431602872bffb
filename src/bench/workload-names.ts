/**
 * The bench workloads' names, in the order tables list them, with nothing loaded: `bench`
 * declares its options (and prints --help) from these before tfjs or any engine is imported.
 * workloads.ts keys WORKLOADS by this type, so a workload cannot be added to one and not the other.
 */
export const WORKLOAD_NAMES = ['rastrigin-2d-gd', 'rosenbrock-10d-adam', 'styblinski-tang-50d-momentum', 'himmelblau-map-1000'] as const;

export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export const HEADLINE_WORKLOAD: WorkloadName = 'rastrigin-2d-gd';
