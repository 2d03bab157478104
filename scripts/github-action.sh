#!/usr/bin/env bash
# The script of action.yml: installs the pinned tc-webhook from npm and runs one command; the step
# fails by tc-webhook's exit code (0 passed, 1 a check failed, 2 could not run). Inputs arrive as
# TC_ACTION_COMMAND, TC_ACTION_ARGS and TC_ACTION_VERSION, never inside the script text.
# TC_WEBHOOK_ACTION_BIN runs a local build instead of installing (for testing the action itself).
set -euo pipefail

fail() {
  # Workflow-command data escaping: %, CR and LF.
  local message="${1//'%'/%25}"
  message="${message//$'\r'/%0D}"
  message="${message//$'\n'/%0A}"
  echo "::error title=tc-webhook action::${message}" >&2
  exit 2
}

command="${TC_ACTION_COMMAND:-}"
version="${TC_ACTION_VERSION:-}"
case "$command" in
  check-tls | doctor | validate | scenario) ;;
  *) fail "input command must be check-tls, doctor, validate or scenario" ;;
esac
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  fail "input version must be an exact version such as 1.2.3 (no \"latest\", no range)"
fi

# One argument per line when there are several lines, else words separated by spaces.
args=()
if [[ "${TC_ACTION_ARGS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [[ -n "$line" ]] && args+=("$line")
  done <<<"$TC_ACTION_ARGS"
else
  read -r -a args <<<"${TC_ACTION_ARGS:-}" || true
fi

# Credentials come from secrets through the environment, never through args (which the log shows).
auth_given=false
for arg in "${args[@]}"; do
  case "$arg" in
    --password | --password=* | --token | --token=* | --client-secret | --client-secret=* | --api-password | --api-password=*)
      fail "secrets do not belong in args: set TC_WEBHOOK_PASSWORD, TC_WEBHOOK_TOKEN, TC_WEBHOOK_CLIENT_SECRET or TC_WEBHOOK_API_PASSWORD from secrets in the step's env"
      ;;
    --auth | --auth=*) auth_given=true ;;
  esac
done
if [[ -n "${TC_WEBHOOK_PASSWORD:-}${TC_WEBHOOK_TOKEN:-}${TC_WEBHOOK_CLIENT_SECRET:-}" && "$auth_given" != true ]]; then
  fail "a credential is set in the environment but args give no --auth: name the method (--auth basic, bearer or oauth2)"
fi

if [[ -n "${TC_WEBHOOK_ACTION_BIN:-}" ]]; then
  bin=("$TC_WEBHOOK_ACTION_BIN")
else
  prefix="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tc-webhook-$version"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts "tc-webhook@$version" >&2 \
    || fail "could not install tc-webhook@$version from npm"
  bin=("$prefix/node_modules/.bin/tc-webhook")
fi
installed="$("${bin[@]}" --version)" || fail "the installed tc-webhook does not run"
[[ "$installed" == "$version" ]] || fail "installed tc-webhook $installed, but version $version was pinned"

set +e
"${bin[@]}" "$command" "${args[@]}"
code=$?
set -e
exit "$code"
