#!/usr/bin/env bash
# Runs a command and checks its exit code, and optionally that its stdout or
# stderr contains a text:
#   expect_exit.sh CODE [--stdout TEXT] [--stderr TEXT] [--stdin FILE] -- COMMAND ARGS...
set -u
expected=$1
shift
want_out=""
want_err=""
stdin=/dev/null
while [ "$1" != "--" ]; do
    case $1 in
    --stdout) want_out=$2; shift 2 ;;
    --stderr) want_err=$2; shift 2 ;;
    --stdin) stdin=$2; shift 2 ;;
    *) echo "expect_exit.sh: bad option $1"; exit 2 ;;
    esac
done
shift
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$@" <"$stdin" >"$out" 2>"$err"
rc=$?
fail=0
if [ "$rc" -ne "$expected" ]; then
    echo "FAIL: exit code $rc, expected $expected"
    fail=1
fi
if [ -n "$want_out" ] && ! grep -qF -- "$want_out" "$out"; then
    echo "FAIL: stdout lacks '$want_out'"
    fail=1
fi
if [ -n "$want_err" ] && ! grep -qF -- "$want_err" "$err"; then
    echo "FAIL: stderr lacks '$want_err'"
    fail=1
fi
if [ "$fail" -ne 0 ]; then
    echo "--- stdout"; head -c 4000 "$out"
    echo "--- stderr"; head -c 4000 "$err"
fi
exit "$fail"
