// A module resolution hook (node:module register) for users' objective modules: their imports of
// tfjs resolve to this project's copy wherever the module lives, so a module outside the project
// needs no install of its own and shares the one tfjs engine (a second copy would register its
// own backends and kernels, and tensors would not cross between them).
let targets = {};

export function initialize(data) {
  targets = data.targets;
}

export async function resolve(specifier, context, next) {
  const url = targets[specifier];
  // No format: the target is tfjs's CommonJS build, loaded as Node loads it for our own imports (the same instance).
  if (url) return { url, shortCircuit: true };
  return next(specifier, context);
}
