// The Node-only engines, registered into the one engine registry. Imported by the Node entry
// points (the library's index and the CLI), never by modules a browser page needs.
import { fusedCpuEngine } from '../engines/fused-cpu.ts';
import { nativeEngine, nativeFastEngine } from '../engines/native.ts';
import { registerEngine } from '../engines/registry.ts';

registerEngine(nativeEngine);
registerEngine(nativeFastEngine);
registerEngine(fusedCpuEngine);
