#!/usr/bin/env bash
# `qualify train --algo gbdt` end to end on the synthetic history
# (make_history.sh): the trees beat chance in cross-validation, the file is
# a calibrated tree_ensemble that compiles and scores without XGBoost,
# reruns are byte-identical, the card and `model inspect` describe trees,
# and the gbdt options are checked. Usage: gbdt.sh QUALIFY SOURCE_DIR WORK_DIR
set -u
qualify=$1 here=$2/tests/cli/train work=$3
source "$here/lib.sh"
synthetic_setup
train() { "$qualify" train fixture.qual --history history.csv --target outcome --positive won --as-of 2026-11-23 --algo gbdt "$@"; }

train --trees 50 --depth 3 > out.txt 2> err.txt || fail "train --algo gbdt exited non-zero: $(cat err.txt)"
cat out.txt
grep -q "^model \`fit\`: gbdt (50 trees, depth 3, eta 0.1), 3 features, 9 columns" out.txt || fail "model line: $(sed -n 2p out.txt)"
grep -q "^5-fold cross-validation: AUC 0\.[67]" out.txt || fail "no CV AUC line (or no better than chance)"
grep -q "mean predicted  observed" out.txt || fail "no calibration table"
grep -q '"kind": "tree_ensemble"' fit.json || fail "not a tree_ensemble file"
grep -q '"calibration": {' fit.json || fail "no calibration in the model"
grep -q '"algorithm": "gbdt"' fit.json || fail "card lacks the algorithm"
grep -q '"importance_measure": "mean |TreeSHAP contribution|' fit.json || fail "card lacks the importance measure"
[ "$(grep -c '^    {"left":' fit.json)" -eq 50 ] || fail "expected 50 trees"
# Every feature has its missing indicator, levels are FIELD=LEVEL.
for column in '"company.employees:missing"' '"company.industry=software"' '"crm.is_customer"'; do
  grep -qF "$column" fit.json || fail "no column $column"
done

# Reproducible: the same history and options give the same bytes.
train --trees 50 --depth 3 --out again.json > /dev/null 2>&1
cmp -s fit.json again.json || fail "two runs wrote different files"

# The model compiles and scores with the calibrated probability and
# TreeSHAP factors.
"$qualify" check fixture.qual > /dev/null 2>&1 || fail "the trained trees do not compile"
"$qualify" explain --as-of 2026-11-23 fixture.qual \
  --lead '{"id":"d1","company":{"industry":"software","employees":1500},"crm":{"is_customer":false}}' > explain.txt 2>&1 ||
  fail "explain failed: $(cat explain.txt)"
grep -q "^  model      fit .*company.employees = 1500 [+-]" explain.txt || fail "no tree factors: $(cat explain.txt)"
# Without the calibration the probability changes: the scorer applies it.
awk '/^  "calibration": \{/ { skip = 1 } !skip { print } skip && /^  \},?$/ { skip = 0 }' fit.json > uncalibrated.json
probability_of() { grep '^  model' "$1" | awk '{ print $3 }'; }
sed 's/"fit.json"/"uncalibrated.json"/' fixture.qual > uncalibrated.qual
"$qualify" explain --as-of 2026-11-23 uncalibrated.qual \
  --lead '{"id":"d1","company":{"industry":"software","employees":1500},"crm":{"is_customer":false}}' > raw.txt 2>&1
[ "$(probability_of explain.txt)" != "$(probability_of raw.txt)" ] ||
  fail "the calibration does not change the probability ($(probability_of raw.txt))"

# model inspect: card, SHAP importance per field, calibration table.
"$qualify" model inspect fit.json > inspect.txt 2>&1 || fail "inspect failed"
cat inspect.txt
for want in "model fit.json: tree_ensemble, 3 features, 50 trees over 9 columns" "algorithm=gbdt;" \
            "top features by importance (mean |TreeSHAP contribution| to the log-odds over the training rows):" \
            "company.industry (" "calibration: platt" "mean predicted  observed"; do
  grep -qF "$want" inspect.txt || fail "inspect lacks '$want'"
done

# Options.
train --trees 0 --out x.json > /dev/null 2> err.txt
[ $? -eq 2 ] && grep -q -- "--trees must be between 1 and 5000" err.txt || fail "--trees 0: $(cat err.txt)"
train --eta 1.5 --out x.json > /dev/null 2> err.txt
[ $? -eq 2 ] && grep -q -- "--eta takes a number in (0, 1]" err.txt || fail "--eta 1.5: $(cat err.txt)"
train --C 2 --out x.json > /dev/null 2> err.txt
[ $? -eq 2 ] && grep -q -- "--C is an option of --algo logreg" err.txt || fail "--C with gbdt: $(cat err.txt)"
"$qualify" train fixture.qual --history history.csv --target outcome --positive won --trees 10 --out x.json > /dev/null 2> err.txt
[ $? -eq 2 ] && grep -q -- "--trees is an option of --algo gbdt" err.txt || fail "--trees with logreg: $(cat err.txt)"

# The minimum-data guard holds for trees too.
head -41 history.csv > tiny.csv
"$qualify" train fixture.qual --history tiny.csv --target outcome --positive won --algo gbdt --out tiny.json > /dev/null 2>&1
[ $? -eq 6 ] || fail "guard: expected exit 6"

[ $failures -eq 0 ] && echo "gbdt: all checks passed"
exit $((failures > 0))
