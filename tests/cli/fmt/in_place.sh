#!/usr/bin/env bash
# qualify fmt FILE rewrites FILE in place, after which --check passes, the
# rulebook still compiles, and a second run changes nothing.
#   in_place.sh QUALIFY UNFORMATTED.qual WORK_DIR
set -eu
qualify=$1
source=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
cp "$source" "$work/r.qual"
if "$qualify" fmt --check "$work/r.qual" >/dev/null 2>&1; then
    echo "FAIL: the fixture is already formatted"
    exit 1
fi
"$qualify" fmt "$work/r.qual" 2>"$work/stderr"
grep -q "formatted $work/r.qual" "$work/stderr" || { echo "FAIL: no 'formatted' message"; exit 1; }
"$qualify" fmt --check "$work/r.qual"
"$qualify" check "$work/r.qual" 2>/dev/null
cp "$work/r.qual" "$work/once.qual"
"$qualify" fmt "$work/r.qual" 2>"$work/stderr2"
cmp "$work/r.qual" "$work/once.qual"
[ ! -s "$work/stderr2" ] || { echo "FAIL: the second run rewrote the file"; exit 1; }
ls "$work" | grep -q fmt-tmp && { echo "FAIL: a temporary file was left"; exit 1; }
echo "ok"
