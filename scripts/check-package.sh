#!/usr/bin/env bash
# Proves the packed tarball is what users install: `npm pack`, then a global install into an empty
# prefix (from the npm cache that `npm ci` filled), with no warning about install scripts and no dev
# dependency, and every command run from the installed binary.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/tc-webhook-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check-package: $*" >&2; exit 1; }

npm pack --silent --pack-destination "$work" >"$work/pack.out"
tarball="$work/$(tail -n 1 "$work/pack.out")"
[ -f "$tarball" ] || fail "npm pack made no tarball"

npm install -g --prefix "$work/prefix" --prefer-offline --no-audit --no-fund "$tarball" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "installing $tarball failed"; }
if grep -Ei 'warn.*(script|prepare|install-scripts)' "$work/install.log" >&2; then
  fail "installing the tarball warns about scripts"
fi
installed="$work/prefix/lib/node_modules/tc-webhook"
for dev in typescript eslint prettier oidc-provider autocannon ajv-cli commander; do
  [ ! -e "$installed/node_modules/$dev" ] || fail "dev dependency $dev was installed"
done
[ -f "$installed/LICENSE" ] || fail "the tarball has no LICENSE"

bin="$work/prefix/bin/tc-webhook"
version=$(node -p 'require("./package.json").version')
[ "$("$bin" --version)" = "$version" ] || fail "--version does not print $version"
"$bin" --help >/dev/null
"$bin" sample --seed 1 >"$work/order.json"
"$bin" sample --type shipment --format txml --seed 1 >"$work/shipment.xml" 2>/dev/null
"$bin" validate "$work/order.json" "$work/shipment.xml" >/dev/null
"$bin" send-sample https://127.0.0.1:8443/hook --dry-run --auth bearer --token check-package >/dev/null
# Nothing listens on port 1: check-tls and doctor load everything they need and exit 2 with one line.
for command in check-tls doctor; do
  status=0
  "$bin" "$command" https://127.0.0.1:1/hook --timeout 2000 --yes >/dev/null 2>"$work/err" || status=$?
  [ "$status" = 2 ] || { cat "$work/err" >&2; fail "$command against a closed port exited $status, not 2"; }
done
echo "check-package: $(basename "$tarball") installs without scripts or dev dependencies, and every command runs" >&2
