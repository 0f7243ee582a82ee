#!/usr/bin/env bash
# `qualify profile` on the X Education export as docs/model.md quotes it:
# every record read, the "Select" placeholders counted per field, no invalid
# values. Skips (77) without the data.
# Usage: xeducation.sh QUALIFY SOURCE_DIR DATA_DIR
set -u
qualify=$1 src=$2 data=$3/xeducation_leads.csv
[ -f "$data" ] || { echo "skipped: $data not found"; exit 77; }
out=$("$qualify" profile "$data" --rulebook "$src/rulebooks/xeducation.qual") || { echo "$out"; exit 1; }
for expected in "9237 records" \
    "filled 1989/9237 (21.5%), missing 2207, placeholder 5041, invalid 0, distinct 9" \
    "filled 2384/9237 (25.8%), missing 2709, placeholder 4144, invalid 0, distinct 5"; do
  grep -qF "$expected" <<<"$out" || { echo "$out"; echo "FAIL: missing: $expected"; exit 1; }
done
if grep -q "invalid [1-9]" <<<"$out"; then echo "$out"; echo "FAIL: invalid values"; exit 1; fi
echo "profile: ok"
