import { describe, expect, it } from 'vitest';
import { SUITES } from '../../src/bench/suites.ts';
import { HEADLINE_WORKLOAD, WORKLOAD_NAMES } from '../../src/bench/workload-names.ts';
import { WORKLOADS } from '../../src/bench/workloads.ts';

describe('the bench workload names', () => {
  it('are the workloads, in the order tables list them, as bench declares its options from them', () => {
    expect(Object.keys(WORKLOADS)).toEqual([...WORKLOAD_NAMES]);
    expect(WORKLOADS[HEADLINE_WORKLOAD]().name).toBe(HEADLINE_WORKLOAD);
    expect(SUITES.standard.workloads).toEqual(Object.keys(WORKLOADS));
  });
});
