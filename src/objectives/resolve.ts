import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { loadUserModule } from './load-module.ts';
import { resolveNamedObjective, withDimensionAndBox, type NamedObjectiveRequest, type ResolvedObjective } from './named.ts';
import { fromUserModule, probeUserFunction } from './user-module.ts';

export type { ResolvedObjective };

export interface ObjectiveRequest extends NamedObjectiveRequest {
  /** Path of a user's .ts/.js module exporting an objective. */
  module?: string;
}

/**
 * Turns what the user named into an objective, its dimension and its box, or a one-line error:
 * a user module here (it needs Node), a library function or a formula in named.ts (browser-safe).
 */
export async function resolveObjective(req: ObjectiveRequest): Promise<ResolvedObjective> {
  if (!req.module) return resolveNamedObjective(req);
  if (req.dim !== undefined && !(Number.isInteger(req.dim) && req.dim >= 1)) {
    throw new UserError(`--dim must be a whole number ≥ 1, got ${req.dim}`);
  }
  if (req.fn) throw new UserError(`give either a function name/formula or --objective ${req.module}, not both`);
  const path = resolvePath(req.module);
  if (!existsSync(path)) throw new UserError(`objective module ${req.module} does not exist: check the path`);
  const objective = fromUserModule(await loadUserModule(path, req.module), req.module);
  const resolved = withDimensionAndBox(objective, req);
  probeUserFunction(resolved.objective, resolved.d, resolved.box, req.module);
  return resolved;
}
