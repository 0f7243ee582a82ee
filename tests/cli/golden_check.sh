#!/usr/bin/env bash
# One golden diagnostics case: tests/golden/diagnostics/NAME.qual is run
# through `qualify check NAME.qual` from its own folder, and what it prints
# on stderr must equal NAME.expected exactly. The exit code must be 3, or 0
# when the expected text ends with "NAME.qual: ok".
# With QUALIFY_BLESS=1 it writes NAME.expected instead.
#   golden_check.sh QUALIFY_BINARY FILE.qual WORK_DIR
set -u
qualify=$1
file=$2
work=$3
mkdir -p "$work"
dir=$(dirname "$file")
name=$(basename "$file" .qual)
cd "$dir" || exit 2
"$qualify" check "$name.qual" >"$work/$name.stdout" 2>"$work/$name.stderr"
rc=$?
if [ "${QUALIFY_BLESS:-0}" = 1 ]; then
    cp "$work/$name.stderr" "$name.expected"
    echo "blessed $dir/$name.expected (exit $rc)"
    cat "$name.expected"
    exit 0
fi
fail=0
expected_rc=3
[ "$(tail -n 1 "$name.expected")" = "$name.qual: ok" ] && expected_rc=0
if [ "$rc" -ne "$expected_rc" ]; then
    echo "FAIL: exit code $rc, expected $expected_rc"
    fail=1
fi
if [ -s "$work/$name.stdout" ]; then
    echo "FAIL: check printed on stdout in text mode:"
    cat "$work/$name.stdout"
    fail=1
fi
if ! diff -u "$name.expected" "$work/$name.stderr"; then
    echo "FAIL: diagnostics differ from $name.expected"
    fail=1
fi
[ "$fail" -eq 0 ] && echo "ok"
exit "$fail"
