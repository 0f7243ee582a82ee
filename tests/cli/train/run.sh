#!/usr/bin/env bash
# `qualify train` and `qualify model inspect` end to end on a synthetic
# history (make_history.sh): CSV and JSON Lines give the same model, the
# output is byte-identical from run to run, the model file compiles and
# scores, the minimum-data guard refuses (exit 6) and warns, and inspect
# prints the card. Usage: run.sh QUALIFY SOURCE_DIR WORK_DIR
set -u
qualify=$1 here=$2/tests/cli/train work=$3
source "$here/lib.sh"
synthetic_setup
bash "$here/make_history.sh" 600 jsonl > history.jsonl

# Training writes the file the rulebook names; it does not exist yet.
"$qualify" train fixture.qual --history history.csv --target outcome --positive won --as-of 2026-11-23 > out.txt 2> err.txt
[ $? -eq 0 ] || fail "train exited non-zero: $(cat err.txt)"
grep -q "history: 600 records: 565 closed (318 positive, 56.3%; 247 negative), 35 open, 0 unreadable" out.txt ||
  fail "class balance line: $(head -1 out.txt)"
grep -q "^5-fold cross-validation: AUC 0\.[67]" out.txt || fail "no CV AUC line"
grep -q "mean predicted  observed" out.txt || fail "no calibration table"
[ -f fit.json ] || fail "fit.json not written"
grep -q '"calibration": {' fit.json || fail "no calibration in the model"
grep -q '"sha256": "'"$(sha256sum fixture.qual | cut -c1-64)"'"' fit.json || fail "card lacks the rulebook's sha256"
grep -q '"trained_at": "2026-11-23"' fit.json || fail "card lacks trained_at"

# Deterministic: the same input gives the same bytes.
"$qualify" train fixture.qual --history history.csv --target outcome --positive won --as-of 2026-11-23 --out again.json > /dev/null 2>&1
cmp -s fit.json again.json || fail "two runs wrote different files"

# JSON Lines (nested target) trains the same model: only the card's file
# names differ.
"$qualify" train fixture.qual --history history.jsonl --target deal.stage --positive won --as-of 2026-11-23 --out jsonl.json > /dev/null 2>&1
diff <(grep -vE '"(file|target|description)"' fit.json) <(grep -vE '"(file|target|description)"' jsonl.json) > /dev/null ||
  fail "CSV and JSON Lines histories trained different models"

# The trained model compiles and scores (the calibrated probability).
"$qualify" check fixture.qual > /dev/null 2>&1 || fail "the trained model does not compile"
"$qualify" score --as-of 2026-11-23 fixture.qual history.csv > scored.jsonl 2> /dev/null || fail "scoring failed"
grep -q '"probability":"0\.' scored.jsonl || fail "no model probability in decisions"

# A stale model file (features changed since) does not stop retraining.
echo '{"broken": true}' > fit.json
"$qualify" train fixture.qual --history history.csv --target outcome --positive won --as-of 2026-11-23 > /dev/null 2>&1 ||
  fail "retraining over a broken model file failed"
cmp -s fit.json again.json || fail "retraining wrote a different file"

# Perfectly separated outcomes still give a finite calibration and a model
# file that loads (Platt's smoothed targets).
awk -F, 'NR == 1 { print; next } { $5 = ($4 == "no") ? "won" : "lost"; print }' OFS=, history.csv > separable.csv
"$qualify" train fixture.qual --history separable.csv --target outcome --positive won --out separable.json > /dev/null 2>&1 ||
  fail "separable history did not train"
sed 's/"fit.json"/"separable.json"/' fixture.qual > separable.qual
"$qualify" check separable.qual > /dev/null 2>&1 || fail "the separable model does not load"

# The minimum-data guard: fewer than 50 closed outcomes, fewer than 10 of a class.
head -41 history.csv > tiny.csv
"$qualify" train fixture.qual --history tiny.csv --target outcome --positive won --out tiny.json > /dev/null 2> err.txt
code=$?
[ $code -eq 6 ] || fail "guard: expected exit 6, got $code"
grep -q "too little history to train: 38 closed outcomes" err.txt || fail "guard message: $(cat err.txt)"
[ -f tiny.json ] && fail "guard: a model was written anyway"
{ head -1 history.csv; grep ',won$' history.csv | head -9; grep ',lost$' history.csv | head -100; } > one_sided.csv
"$qualify" train fixture.qual --history one_sided.csv --target outcome --positive won --out tiny.json > /dev/null 2> err.txt
[ $? -eq 6 ] || fail "guard: 9 positives were accepted"
grep -q "(9 positive, 100 negative)" err.txt || fail "guard message: $(cat err.txt)"
{ head -1 history.csv; grep ',won$' history.csv | head -60; grep ',lost$' history.csv | head -100; } > few.csv
"$qualify" train fixture.qual --history few.csv --target outcome --positive won --out few.json > /dev/null 2> err.txt
[ $? -eq 0 ] || fail "60 positives should train (with a warning)"
grep -q "warning: only 60 positive outcomes (fewer than 120)" err.txt || fail "no warning below 120 positives"

# Unreadable leads and outcomes are reported with their line, not dropped
# silently (with --positive, any other text is a loss).
{ cat history.csv; echo "X1,software,12,no,maybe"; echo "X2,software,many,no,won"; } > bad.csv
"$qualify" train fixture.qual --history bad.csv --target outcome --positive won --out bad.json > out.txt 2> err.txt
grep -q "1 unreadable" out.txt || fail "unreadable count: $(head -1 out.txt)"
grep -q "line 603: field .company.employees." err.txt || fail "unreadable lead not reported: $(cat err.txt)"
"$qualify" train fixture.qual --history bad.csv --target outcome --out bad.json > /dev/null 2> err.txt
grep -q 'target `outcome`: "won" is not an outcome' err.txt || fail "outcome text not reported"

# Usage errors.
"$qualify" train fixture.qual --history history.csv --target nope > /dev/null 2> err.txt
[ $? -eq 2 ] && grep -q 'no column "nope"' err.txt || fail "missing target column: $(cat err.txt)"
"$qualify" train fixture.qual --history history.csv --target outcome --algo forest > /dev/null 2> err.txt
[ $? -eq 2 ] && grep -q 'this build trains: logreg' err.txt || fail "unknown algo: $(cat err.txt)"

# model inspect: card, importance ranking, calibration table.
"$qualify" model inspect again.json > inspect.txt 2>&1 || fail "inspect failed"
for want in "trained at   2026-11-23" "rows         565 closed, 318 positive (56.3%)" \
            "top features by importance" "calibration: platt" "mean predicted  observed"; do
  grep -qF "$want" inspect.txt || fail "inspect lacks '$want'"
done
"$qualify" model inspect history.csv > /dev/null 2>&1
[ $? -eq 2 ] || fail "inspect of a non-model should exit 2"

[ $failures -eq 0 ] && echo "train: all checks passed"
exit $((failures > 0))
