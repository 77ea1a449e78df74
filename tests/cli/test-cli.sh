#!/bin/sh
# ferry and ferry-cli answer --version and --help as documented, and refuse unknown commands.
# Usage: test-cli.sh FERRY FERRY_CLI VERSION   (TAP output)
set -u
ferry=$1; cli=$2; version=$3
n=0; failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { # description, expected, actual
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2" "got: $3"; fi
}

out=$("$cli" --version 2>&1); check "ferry-cli --version" "ferry-cli $version" "$out"
out=$("$cli" version 2>&1); check "ferry-cli version" "ferry-cli $version" "$out"
out=$("$ferry" --version 2>&1); check "ferry --version" "ferry $version" "$out"

help=$("$cli" --help); rc=$?
check "ferry-cli --help exits 0" 0 "$rc"
for cmd in help version; do
  if printf '%s\n' "$help" | grep -qE "^  $cmd( |$)"; then ok "--help lists $cmd"; else not_ok "--help lists $cmd" "$help"; fi
done

"$cli" no-such-command >/dev/null 2>"${TMPDIR:-/tmp}/ferry-cli-err.$$"; rc=$?
err=$(cat "${TMPDIR:-/tmp}/ferry-cli-err.$$"); rm -f "${TMPDIR:-/tmp}/ferry-cli-err.$$"
check "unknown command exits 2" 2 "$rc"
case "$err" in *"no-such-command"*) ok "unknown command is named in the message" ;;
  *) not_ok "unknown command is named in the message" "$err" ;; esac

"$cli" >/dev/null 2>&1; rc=$?
check "no command exits 2" 2 "$rc"

echo "1..$n"
exit $failed
