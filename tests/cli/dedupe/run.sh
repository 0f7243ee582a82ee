#!/usr/bin/env bash
# `dedupe by` across a whole run: 10,000 leads over three batches, keys
# repeated in mixed case, some leads without a key, some error records
# (which register nothing), some disqualified (which do register). Each
# lead's expected fate is computed here independently (awk, in input
# order); qualify must agree at -j 1, and print the same bytes at -j 2 and
# -j 4 and with the reference engine.
#   run.sh QUALIFY_BINARY WORK_DIR
set -u
qualify=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
leads=$work/leads.jsonl

awk 'BEGIN {
    for (i = 1; i <= 10000; i++) {
        k = (i * 7919) % 3000
        email = (i % 2) ? "user" k "@Acme.com" : "USER" k "@acme.COM"
        if (i % 7 == 0)       print "{\"id\":\"L" i "\",\"employees\":500}"
        else if (i % 11 == 0) print "{\"id\":\"L" i "\",\"email\":\"" email "\",\"employees\":\"many\"}"
        else if (i % 13 == 0) print "{\"id\":\"L" i "\",\"email\":\"" email "\",\"employees\":1}"
        else                  print "{\"id\":\"L" i "\",\"email\":\"" email "\",\"employees\":500}"
    }
}' >"$leads"

# Expected: "ID -" for a first (or keyless, or error) lead, "ID FIRST" for a duplicate.
awk '{
    id = $0; sub(/^\{"id":"/, "", id); sub(/".*/, "", id)
    if ($0 ~ /"many"/ || $0 !~ /"email"/) { print id " -"; next }
    key = $0; sub(/.*"email":"/, "", key); sub(/".*/, "", key); key = tolower(key)
    if (key in first) print id " " first[key]; else { first[key] = id; print id " -" }
}' "$leads" >"$work/expected"

fail=0
problem() { echo "FAIL: $*"; fail=1; }

"$qualify" score --as-of 2026-11-23 "$here/rulebook.qual" "$leads" >"$work/out1" 2>"$work/err1"
[ $? -eq 1 ] || problem "exit code, expected 1 (there are error records)"
sed -E 's/^\{"id":"([^"]*)".*"reason":"Duplicate of ([^"]*)".*/\1 \2/; t; s/^\{"id":"([^"]*)".*/\1 -/' "$work/out1" >"$work/actual"
diff "$work/expected" "$work/actual" >"$work/diff" || problem "duplicates differ from the expected ones: $(head -5 "$work/diff")"
dups=$(grep -vc ' -$' "$work/expected")
[ "$dups" -gt 1000 ] || problem "only $dups duplicates: the test data is wrong"
echo "$dups duplicates among $(wc -l <"$leads") leads"
# A duplicate is a rejected lead: no score.
grep '"code":"duplicate"' "$work/out1" | grep -qv '"route":"reject","route_label":null,"action":null,"score":null' &&
    problem "a duplicate with a route or score"

for j in 2 4; do
    "$qualify" score --as-of 2026-11-23 -j "$j" "$here/rulebook.qual" "$leads" >"$work/out_j$j" 2>/dev/null
    cmp -s "$work/out1" "$work/out_j$j" || problem "-j $j output differs from -j 1"
done
"$qualify" score --as-of 2026-11-23 -j 2 --engine reference "$here/rulebook.qual" "$leads" >"$work/out_ref" 2>/dev/null
cmp -s "$work/out1" "$work/out_ref" || problem "the reference engine's output differs"
# Through CSV output too (same duplicates, by id).
"$qualify" score --as-of 2026-11-23 -j 4 --output csv "$here/rulebook.qual" "$leads" 2>/dev/null |
    grep -c ',reject,,,\(tiny;\)\?duplicate,' >"$work/csv_dups"
[ "$(cat "$work/csv_dups")" -eq "$(grep -c '"code":"duplicate"' "$work/out1")" ] || problem "CSV output has a different number of duplicates"

[ "$fail" -eq 0 ] && echo "ok"
exit "$fail"
