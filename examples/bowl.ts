// A user's objective module for `basinmap map --objective examples/bowl.ts`: any tfjs code that
// maps a batch x [n, d] to f [n] with rows independent.
import * as tf from '@tensorflow/tfjs-core';

export default {
  name: 'bowl',
  dim: 2,
  box: [[-1, 1], [-2, 2]],
  f: (x: tf.Tensor2D) => tf.sum(tf.square(tf.sub(x, 0.5)), 1),
};
