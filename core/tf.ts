// The one place that imports tfjs. Everything else imports `tf` from here.
// tfjs-core's Node bundle ships no gradients; @tensorflow/tfjs's bundle registers them all into
// the same global registry, which is why it is imported for its side effect.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs';

// PROD silences tfjs's console banners ("looks like you are running TensorFlow.js in Node"):
// the library never prints.
tf.env().set('PROD', true);

export { tf };
export type Tensor = tf.Tensor;
export type Tensor1D = tf.Tensor1D;
export type Tensor2D = tf.Tensor2D;
