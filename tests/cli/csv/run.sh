#!/usr/bin/env bash
# CSV in and out on the bundled sample: rulebooks/sample/leads.csv (the CSV
# export of leads.jsonl) must get exactly the decisions of the JSON Lines
# file, at -j 1 and -j 2 and in the queue view; `--output csv` must match
# the golden file beside this script. QUALIFY_BLESS=1 rewrites it instead.
#   run.sh QUALIFY_BINARY SOURCE_DIR WORK_DIR
set -u
qualify=$1
root=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
cd "$root" || exit 2
rulebook=rulebooks/saas_inbound.qual
score() { "$qualify" score --as-of 2026-11-23 "$rulebook" "$@"; }

score rulebooks/sample/leads.csv --output csv >"$work/out.csv" 2>"$work/err" || { cat "$work/err"; exit 1; }
if [ "${QUALIFY_BLESS:-0}" = 1 ]; then
    cp "$work/out.csv" "$here/sample_decisions.csv"
    echo "blessed $here/sample_decisions.csv"
    exit 0
fi

fail=0
check() {  # check DESCRIPTION: fails unless the last command succeeded
    if [ "$?" -ne 0 ]; then echo "FAIL: $1"; fail=1; fi
}
score rulebooks/sample/leads.jsonl >"$work/jsonl.out" 2>/dev/null
score rulebooks/sample/leads.csv >"$work/csv.out" 2>"$work/csv.err"
cmp -s "$work/jsonl.out" "$work/csv.out"
check "the CSV export gets other decisions than the JSON Lines file"
grep -qx "300 leads: 300 decisions, 0 errors" "$work/csv.err"
check "the count on stderr: $(cat "$work/csv.err")"
score -j 2 rulebooks/sample/leads.csv >"$work/csv_j2.out" 2>/dev/null
cmp -s "$work/csv.out" "$work/csv_j2.out"
check "-j 2 prints other decisions than -j 1"
score --queue rulebooks/sample/leads.jsonl >"$work/jsonl.queue" 2>/dev/null
score --queue rulebooks/sample/leads.csv >"$work/csv.queue" 2>/dev/null
cmp -s "$work/jsonl.queue" "$work/csv.queue"
check "the queue view of the CSV differs"
diff -u "$here/sample_decisions.csv" "$work/out.csv"
check "--output csv differs from tests/cli/csv/sample_decisions.csv"
score -j 2 rulebooks/sample/leads.csv --output csv 2>/dev/null | cmp -s - "$work/out.csv"
check "--output csv at -j 2 differs"
score --input csv --output csv <rulebooks/sample/leads.csv 2>/dev/null | cmp -s - "$work/out.csv"
check "--input csv from stdin differs"
[ "$fail" -eq 0 ] && echo "ok: $(($(wc -l <"$work/out.csv") - 1)) decisions"
exit "$fail"
