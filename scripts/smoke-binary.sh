#!/usr/bin/env bash
# End-to-end smoke of the single executable: every command, run the way a user without Node.js runs
# it. The binary runs in an environment whose PATH holds only a few system tools (no node), with
# nothing but its own file: `listen` (HTTPS, the test certificates) is the receiver that `send-sample`,
# `check-tls` and `doctor` talk to, on 127.0.0.1.
# Usage: scripts/smoke-binary.sh [binaries/tc-webhook-linux-x64]
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${1:-binaries/tc-webhook-linux-x64}")
root=$(pwd)
work=$(mktemp -d)
listener=
cleanup() {
  if [ -n "$listener" ]; then kill "$listener" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A PATH of the few tools this script calls, and no node.
mkdir -p "$work/path" "$work/tmp" "$work/saved"
for tool in cat grep mkdir ls sleep wc; do ln -s "$(command -v "$tool")" "$work/path/$tool"; done
clean_env=(env -i "PATH=$work/path" "HOME=$work" "TMPDIR=$work/tmp" NO_COLOR=1)
if "${clean_env[@]}" bash -c 'command -v node' >/dev/null 2>&1; then
  echo "smoke-binary: node is still on the smoke PATH" >&2
  exit 1
fi

failures=0
passed=0
extra_env=()
# check NAME EXPECTED-EXIT COMMAND-ARGS...: runs the binary in the clean environment, output kept.
check() {
  local name=$1 expected=$2 status=0
  shift 2
  "${clean_env[@]}" "${extra_env[@]}" "$bin" "$@" >"$work/out" 2>"$work/err" || status=$?
  if [[ " $expected " == *" $status "* ]]; then
    passed=$((passed + 1))
    echo "ok   $name (exit $status)"
  else
    failures=$((failures + 1))
    echo "FAIL $name: exit $status, expected $expected" >&2
    head -c 2000 "$work/err" >&2 || true
  fi
}
# expect TEXT: the last command's stdout or stderr contains TEXT.
expect() {
  if grep -qF -- "$1" "$work/out" "$work/err"; then return; fi
  failures=$((failures + 1))
  echo "FAIL the output lacks: $1" >&2
}

version=$(grep -m1 '"version"' package.json | sed -E 's/.*"([^"]+)",?$/\1/')
check '--version' 0 --version
expect "$version"
check '--help' 0 --help
expect 'validate'
check 'completion bash' 0 completion bash
expect 'complete -o default -F _tc_webhook tc-webhook'
check 'an unknown command' 2 no-such-command

check 'sample --seed 1' 0 sample --seed 1
expect '"eventName"'
check 'sample --format txml' 0 sample --seed 1 --format txml
expect '<?xml'
check 'schema (OpenAPI)' 0 schema
expect 'swagger'
check 'schema --format json-schema' 0 schema --type shipment --format json-schema
expect '"$schema"'
check 'schema --format typescript' 0 schema --format typescript
expect 'export interface'

check 'validate, valid fixtures' 0 validate "$root/fixtures/payloads/valid"
expect 'valid'
check 'validate, invalid fixtures' 1 validate "$root/fixtures/payloads/invalid"
check 'validate --json' 0 validate --json "$root/fixtures/payloads/valid/order-event.json"
expect '"ok": true'
# A spec of the user's: compiled by ajv inside the binary, then kept in the cache and found again.
check 'validate --spec (compiled)' 0 validate --spec "$root/fixtures/specs/swagger2-order.yaml" "$root/fixtures/specs/payloads/order-swagger2-valid.json"
check 'validate --spec (cached)' 0 validate --spec "$root/fixtures/specs/swagger2-order.yaml" "$root/fixtures/specs/payloads/order-swagger2-valid.json"
if ls "$work"/tmp/tc-webhook-cache-*/*.cjs >/dev/null 2>&1; then
  passed=$((passed + 1))
  echo "ok   the schema cache holds the compiled validator"
else
  failures=$((failures + 1))
  echo "FAIL the schema cache is empty after validate --spec" >&2
fi
check 'validate --spec, OpenAPI 3.1, invalid' 1 validate --spec "$root/fixtures/specs/openapi31-shipment.json" "$root/fixtures/specs/payloads/shipment-openapi31-invalid.json"
check 'validate, a missing file' 2 validate "$root/no-such-file.json"
check 'validate --sarif' 1 validate --sarif "$work/findings.sarif" "$root/fixtures/payloads/invalid/wrong-type.json"
if grep -q '"version": "2.1.0"' "$work/findings.sarif" 2>/dev/null; then
  passed=$((passed + 1))
  echo "ok   the SARIF file was written"
else
  failures=$((failures + 1))
  echo "FAIL validate --sarif wrote no SARIF 2.1.0 file" >&2
fi

# The receiver: HTTPS with the test chain, every delivery saved, stopped after the requests below.
port=$((20000 + RANDOM % 20000))
"${clean_env[@]}" "$bin" listen --cert "$root/fixtures/certs/good-chain.pem" --key "$root/fixtures/certs/good.key" \
  --port "$port" --save "$work/saved" --max-requests 400 >"$work/listen.out" 2>"$work/listen.err" &
listener=$!
for _ in $(seq 1 100); do
  if grep -q "$port" "$work/listen.out" "$work/listen.err" 2>/dev/null; then break; fi
  sleep 0.1
done
url="https://localhost:$port/webhook"
ca=(--ca "$root/fixtures/certs/root-ca.pem")

check 'send-sample' 0 send-sample "$url" "${ca[@]}"
expect '200'
check 'send-sample --count 5' 0 send-sample "$url" "${ca[@]}" --count 5 --json
extra_env=("NODE_EXTRA_CA_CERTS=$root/fixtures/certs/root-ca.pem")
check 'send-sample, CA from NODE_EXTRA_CA_CERTS' 0 send-sample "$url"
extra_env=()
check 'check-tls' '0 1' check-tls "$url" "${ca[@]}"
expect 'TLS'
check 'doctor' '0 1' doctor "$url" "${ca[@]}" --yes
expect 'order events delivered'
check 'scenario --list' 0 scenario --list
check 'scenario' '0 1' scenario "$url" "${ca[@]}" --yes --seed 1
check 'send-sample, wrong CA' 2 send-sample "$url"

check 'send-sample --documents-api' '0 1' send-sample "$url" "${ca[@]}" --type order-documents --documents-api 0 \
  --api-username smoke --api-password smoke-secret

kill "$listener" 2>/dev/null || true
wait "$listener" 2>/dev/null || true
listener=

check 'dev-cert' 0 dev-cert --dir "$work/dev-cert"
if [ "$(ls "$work/dev-cert" | wc -l)" -ge 4 ]; then
  passed=$((passed + 1))
  echo "ok   dev-cert wrote its CA, certificate and keys"
else
  failures=$((failures + 1))
  echo "FAIL dev-cert wrote $(ls "$work/dev-cert" | wc -l) files" >&2
fi

# api-mock: starts, serves until stopped, and stops with exit 0 on SIGTERM.
mock_port=$((port + 1))
"${clean_env[@]}" TC_WEBHOOK_API_PASSWORD=smoke-secret "$bin" api-mock --http --port "$mock_port" \
  --api-username smoke >"$work/mock.out" 2>"$work/mock.err" &
mock=$!
for _ in $(seq 1 100); do
  if grep -q "$mock_port" "$work/mock.out" "$work/mock.err" 2>/dev/null; then break; fi
  sleep 0.1
done
kill -TERM "$mock" 2>/dev/null || true
status=0
wait "$mock" || status=$?
if [ "$status" -eq 0 ] && grep -q "$mock_port" "$work/mock.out" "$work/mock.err"; then
  passed=$((passed + 1))
  echo "ok   api-mock (served on $mock_port, exit 0 on SIGTERM)"
else
  failures=$((failures + 1))
  echo "FAIL api-mock: exit $status" >&2
  cat "$work/mock.err" >&2
fi
saved=$(ls "$work/saved" | wc -l)
if [ "$saved" -lt 6 ]; then
  failures=$((failures + 1))
  echo "FAIL listen saved $saved deliveries, expected at least 6" >&2
  cat "$work/listen.err" >&2
else
  passed=$((passed + 1))
  echo "ok   listen (saved $saved deliveries)"
fi

# The licences of what it bundles: beside it, and inside it.
notices="$(dirname "$bin")/THIRD-PARTY-NOTICES.txt"
if grep -q '^  Node.js ' "$notices" 2>/dev/null && grep -q '^  undici ' "$notices" &&
  grep -qF 'Third-party software in this tc-webhook executable' "$bin"; then
  passed=$((passed + 1))
  echo "ok   third-party notices (beside and inside)"
else
  failures=$((failures + 1))
  echo "FAIL the third-party notices are missing beside $bin or inside it" >&2
fi

echo "smoke-binary: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
