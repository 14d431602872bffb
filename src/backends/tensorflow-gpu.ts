import { nativeTensorflowBackend } from './tensorflow.ts';

export const tensorflowGpu = nativeTensorflowBackend({
  name: 'tensorflow-gpu',
  pkg: '@tensorflow/tfjs-node-gpu',
  description: 'TensorFlow C library with CUDA on an NVIDIA GPU (@tensorflow/tfjs-node-gpu, optional; needs CUDA and cuDNN)',
  speedRank: 3,
  // libtensorflow itself picks the GPU and, without a usable CUDA, quietly runs its kernels on
  // the CPU: that choice happens inside TensorFlow, after the binding loads.
  device: 'libtensorflow with CUDA (the first NVIDIA GPU TensorFlow finds)',
});
