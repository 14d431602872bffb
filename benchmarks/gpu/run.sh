#!/usr/bin/env bash
# Runs a command from the repository root on a machine that has neither Node nor network, from
# what benchmarks/gpu/pack.ts packed (.gpu/, .gl/), e.g. through the device tool:
#   run(command: "bash benchmarks/gpu/run.sh basinmap bench --backends webgpu,fused-webgpu --peers",
#       carry: [".gpu", ".gl"])
# `basinmap ...` runs bin/basinmap.js; any other command runs as it is, with node on the PATH.
# Unpacks node into .gpu/bin and node_modules into the tree (once), installs the Vulkan loader
# from .gl/*.deb when the machine lacks one, and points Vulkan at the NVIDIA driver when there is one.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x .gpu/bin/node ]; then
  [ -f .gpu/node.xz ] || { echo "run.sh: .gpu/node.xz is missing: run 'npx tsx benchmarks/gpu/pack.ts' and carry .gpu and .gl" >&2; exit 2; }
  mkdir -p .gpu/bin
  xz -dc .gpu/node.xz > .gpu/bin/node.tmp && chmod +x .gpu/bin/node.tmp && mv .gpu/bin/node.tmp .gpu/bin/node
fi
export PATH="$PWD/.gpu/bin:$PATH"
if [ ! -d node_modules ]; then
  tar -xJf .gpu/node_modules.tar.xz
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null && ls .gl/*.deb >/dev/null 2>&1; then
    for f in .gl/*.deb; do dpkg -x "$f" /; done
    ldconfig
  else
    echo "run.sh: no libvulkan.so.1 here and cannot install .gl/*.deb (needs root and dpkg): webgpu will report itself unavailable" >&2
  fi
fi
# The NVIDIA container runtime mounts the driver's Vulkan ICD here, outside the loader's search path.
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$icd" ]; then export VK_DRIVER_FILES="$icd"; fi

if [ "${1:-}" = basinmap ]; then
  shift
  exec node bin/basinmap.js "$@"
fi
exec "$@"
