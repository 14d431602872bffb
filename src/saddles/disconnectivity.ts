/**
 * The disconnectivity graph (Becker & Karplus, J. Chem. Phys. 106, 1495, 1997; Wales, Miller &
 * Walsh, Nature 394, 758, 1998): minima are leaves at their f; two groups of minima join at the
 * lowest saddle that connects them, so each join's height is the barrier to pass between them.
 * This file builds the tree and lays it out on a horizontal axis (pure numbers); the picture is
 * src/plot/disconnectivity.ts.
 */

export interface TreeNode {
  /** Height: a leaf's f, or the f of the saddle where two groups join. */
  f: number;
  /** Horizontal position: leaves at 0, 1, 2, ...; a join midway between its children. */
  x: number;
  /** The minimum's basin id (leaves only). */
  basin?: number;
  /** The saddle that joins the two children (joins only). */
  saddle?: number;
  children?: [TreeNode, TreeNode];
  /** Lowest f in the subtree: children are ordered by it, deepest first. */
  lowest: number;
}

export interface DisconnectivityTree {
  /** One tree per group of minima no saddle joins to another. */
  roots: TreeNode[];
  leaves: number;
}

/**
 * Joins the minima (basin id and f) at the saddles (f and the two basin ids) in order of
 * increasing saddle f, with union–find: a saddle joining two minima already in one group adds
 * nothing (a higher pass between them). Saddles naming a minimum not in `minima` are skipped.
 */
export function disconnectivityTree(minima: { id: number; f: number }[], saddles: { id: number; f: number; minima: [number, number] }[]): DisconnectivityTree {
  const node = new Map<number, TreeNode>(minima.map((m) => [m.id, { f: m.f, x: 0, basin: m.id, lowest: m.f }]));
  const parent = new Map<number, number>(minima.map((m) => [m.id, m.id]));
  const find = (i: number): number => {
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(i, r);
    return r;
  };
  for (const s of [...saddles].sort((p, q) => p.f - q.f)) {
    const [a, b] = s.minima;
    if (!node.has(a) || !node.has(b)) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const [na, nb] = [node.get(ra)!, node.get(rb)!];
    const children = (na.lowest <= nb.lowest ? [na, nb] : [nb, na]) as [TreeNode, TreeNode];
    parent.set(rb, ra);
    node.set(ra, { f: s.f, x: 0, saddle: s.id, children, lowest: Math.min(na.lowest, nb.lowest) });
  }
  const roots = [...new Set(minima.map((m) => find(m.id)))].map((r) => node.get(r)!).sort((p, q) => p.lowest - q.lowest);
  let next = 0;
  const place = (n: TreeNode): number => {
    if (!n.children) return (n.x = next++);
    // Deepest child in the middle of the pair reads best: the lower one first, then the other.
    const xs = n.children.map(place);
    return (n.x = (xs[0] + xs[1]) / 2);
  };
  roots.forEach(place);
  return { roots, leaves: next };
}
