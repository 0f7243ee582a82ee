#!/usr/bin/env bash
# The feedback loop end to end on real data (docs/report.md, "X Education,
# end to end"): the X Education export split by row order, a logistic
# regression trained on the first 70%, the last 30% scored into a decision
# log, outcomes taken from the Converted column, and `qualify report` must
# call the score discriminating. Skips (77) without the data.
# Usage: xeducation.sh QUALIFY SOURCE_DIR DATA_DIR WORK_DIR
set -u
qualify=$1 src=$2 data=$3/xeducation_leads.csv work=$4
[ -f "$data" ] || { echo "skipped: $data not found"; exit 77; }
rm -rf "$work" && mkdir -p "$work/models" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

bash "$src/tests/cli/report/split_by_row_order.sh" "$data" 70 train.csv test.csv || exit 1
[ "$(($(wc -l < train.csv) + $(wc -l < test.csv)))" -eq 9239 ] || fail "the split lost rows"
# The rulebook is copied so that training writes the model it names here,
# not over the committed one.
cp "$src/rulebooks/xeducation.qual" .
"$qualify" train xeducation.qual --history train.csv --target Converted --algo logreg --as-of 2026-11-23 \
  > train.txt 2>&1 || { cat train.txt; exit 1; }
"$qualify" score xeducation.qual test.csv --as-of 2026-11-23 --log decisions.jsonl \
  --now 2026-11-23T09:00:00Z > /dev/null 2> score.txt
grep -q "2772 leads: 2772 decisions, 0 errors" score.txt || fail "score: $(cat score.txt)"
# Outcomes: Prospect ID (column 1) and Converted (column 7); both precede
# the one quoted column of the export.
awk -F, 'NR == 1 { print "id,outcome"; next } { print $1 "," $7 }' test.csv > outcomes.csv
"$qualify" report --decisions decisions.jsonl --outcomes outcomes.csv > report.txt || fail "report exited non-zero"
"$qualify" report --decisions decisions.jsonl --outcomes outcomes.csv --format json > report.json
cat report.txt
grep -q '"verdict": "discriminating"' report.json || fail "the verdict is not discriminating"
grep -q '"with_outcome": 2772' report.json || fail "not every test lead joined its outcome"
grep -q '"outcomes_without_decision": 0' report.json || fail "outcomes without a decision"
[ $failures -eq 0 ] && echo "xeducation report: ok"
exit $((failures > 0))
