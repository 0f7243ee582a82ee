#!/usr/bin/env bash
# One golden decision case: tests/golden/decisions/NAME/ holds the leads
# (leads.jsonl), the expected decisions (expected.jsonl) and either the
# rulebook (rulebook.qual) or a reference to one in the repository
# (rulebook.path, one path relative to the source root); leads.path may
# likewise point at a leads file in the repository. An optional `args`
# file adds flags (one line, e.g. --explain). The case runs
#   qualify score --as-of 2026-11-23 [args] RULEBOOK LEADS
# from the source root and diffs stdout with expected.jsonl; it also checks
# that -j 3 and the reference evaluator print the same bytes.
# With QUALIFY_BLESS=1 it writes expected.jsonl instead.
#   golden_score.sh QUALIFY_BINARY SOURCE_DIR CASE_DIR WORK_DIR
set -u
qualify=$1
root=$2
case_dir=$3
work=$4
mkdir -p "$work"
cd "$root" || exit 2
rel=${case_dir#"$root"/}
if [ -f "$case_dir/rulebook.path" ]; then
    rulebook=$(tr -d '\n' <"$case_dir/rulebook.path")
else
    rulebook=$rel/rulebook.qual
fi
leads=$rel/leads.jsonl
[ -f "$case_dir/leads.path" ] && leads=$(tr -d '\n' <"$case_dir/leads.path")
args=()
[ -f "$case_dir/args" ] && read -r -a args <"$case_dir/args"

run() {  # run OUT ERR EXTRA-FLAGS...
    local out=$1 err=$2
    shift 2
    "$qualify" score --as-of 2026-11-23 "${args[@]}" "$@" "$rulebook" "$leads" >"$out" 2>"$err"
}

run "$work/out" "$work/err"
rc=$?
if [ "${QUALIFY_BLESS:-0}" = 1 ]; then
    cp "$work/out" "$case_dir/expected.jsonl"
    echo "blessed $case_dir/expected.jsonl (exit $rc)"
    cat "$work/err"
    exit 0
fi

fail=0
expected_rc=0
grep -q '^{"id":[^,]*,"line":[0-9]*,"error":' "$case_dir/expected.jsonl" && expected_rc=1
if [ "$rc" -ne "$expected_rc" ]; then
    echo "FAIL: exit code $rc, expected $expected_rc"
    cat "$work/err"
    fail=1
fi
if ! diff -u "$case_dir/expected.jsonl" "$work/out"; then
    echo "FAIL: decisions differ from $rel/expected.jsonl"
    fail=1
fi
run "$work/out_j3" "$work/err_j3" -j 3
if ! cmp -s "$work/out" "$work/out_j3"; then
    echo "FAIL: -j 3 prints different decisions"
    fail=1
fi
run "$work/out_ref" "$work/err_ref" --engine reference
if ! diff -u "$work/out" "$work/out_ref"; then
    echo "FAIL: the reference evaluator disagrees with the VM"
    fail=1
fi
[ "$fail" -eq 0 ] && echo "ok: $(wc -l <"$work/out") decisions"
exit "$fail"
