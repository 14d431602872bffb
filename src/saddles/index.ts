// Saddles between minima, found from a grid basin map (issue #16), and the disconnectivity graph
// they make. Library code: nothing here prints; progress goes through a callback.
export { findSaddles, SADDLE_DEFAULTS, type SaddleRequest, type SaddleSearchOptions } from './find.ts';
export { gridDims, boundaryPairs } from './grid-pairs.ts';
export { disconnectivityTree, type TreeNode, type DisconnectivityTree } from './disconnectivity.ts';
export type { Saddle, SaddleReport, SaddleProgress, SaddleSearchStats } from './types.ts';
