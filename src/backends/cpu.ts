import { tf } from '../../core/tf.ts';
import type { BackendSpec } from './types.ts';
import { packageVersion } from './versions.ts';

export const cpu: BackendSpec = {
  name: 'cpu',
  description: 'tfjs reference backend in plain JavaScript (@tensorflow/tfjs-backend-cpu)',
  speedRank: 0,
  async probe() {
    return { available: true, device: 'JavaScript, one thread', versions: { '@tensorflow/tfjs-backend-cpu': packageVersion('@tensorflow/tfjs-backend-cpu') } };
  },
  async load() {
    await import('@tensorflow/tfjs-backend-cpu');
    if (!tf.findBackendFactory('cpu')) throw new Error('the cpu backend did not register with tfjs');
  },
};
