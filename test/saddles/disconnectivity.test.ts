import { describe, expect, it } from 'vitest';
import { disconnectivityTree, type TreeNode } from '../../src/saddles/disconnectivity.ts';

const minima = [
  { id: 0, f: 0 },
  { id: 1, f: 1 },
  { id: 2, f: 2 },
  { id: 3, f: 5 },
];

function shape(n: TreeNode): unknown {
  return n.children ? { f: n.f, children: n.children.map(shape) } : n.basin;
}

describe('the disconnectivity tree', () => {
  it('joins groups of minima at the lowest saddle between them, lowest first', () => {
    const t = disconnectivityTree(minima, [
      { id: 0, f: 3, minima: [0, 1] },
      { id: 1, f: 4, minima: [1, 2] },
      { id: 2, f: 6, minima: [2, 3] },
    ]);
    expect(t.roots).toHaveLength(1);
    expect(shape(t.roots[0])).toEqual({ f: 6, children: [{ f: 4, children: [{ f: 3, children: [0, 1] }, 2] }, 3] });
  });

  it('ignores a higher saddle between minima already joined: it is not the barrier between them', () => {
    const t = disconnectivityTree(minima.slice(0, 2), [
      { id: 0, f: 9, minima: [0, 1] },
      { id: 1, f: 3, minima: [1, 0] },
    ]);
    expect(t.roots[0].f).toBe(3);
    expect(t.roots[0].saddle).toBe(1);
  });

  it('leaves minima that no saddle joins as separate trees, and skips saddles to minima it does not know', () => {
    const t = disconnectivityTree(minima, [
      { id: 0, f: 3, minima: [0, 1] },
      { id: 1, f: 4, minima: [2, -1] },
    ]);
    expect(t.roots.map(shape)).toEqual([{ f: 3, children: [0, 1] }, 2, 3]);
  });

  it('puts the leaves at 0, 1, 2, ... and each join midway between its children', () => {
    const t = disconnectivityTree(minima.slice(0, 3), [
      { id: 0, f: 3, minima: [0, 1] },
      { id: 1, f: 4, minima: [0, 2] },
    ]);
    expect(t.leaves).toBe(3);
    const root = t.roots[0];
    const [left, right] = root.children!;
    expect(left.children!.map((c) => c.x)).toEqual([0, 1]);
    expect(left.x).toBe(0.5);
    expect(right.x).toBe(2);
    expect(root.x).toBe(1.25);
  });
});
