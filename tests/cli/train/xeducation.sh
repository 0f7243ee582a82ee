#!/usr/bin/env bash
# The acceptance check on real data: `qualify train --algo logreg` on the X
# Education export reaches scikit-learn's 5-fold CV AUC (same features, same
# encoding, same folds; tests/reference/xeducation_sklearn.json, made by
# scripts/reference/xeducation_sklearn.py) within 0.005, and the rulebook
# scores the export with no error records. Skips (77) without the data.
# Usage: xeducation.sh QUALIFY SOURCE_DIR DATA_DIR WORK_DIR
set -u
qualify=$1 src=$2 data=$3/xeducation_leads.csv work=$4
source "$src/tests/cli/train/lib.sh"
xeducation_train logreg "$src/tests/reference/xeducation_sklearn.json" scikit-learn
# The committed model is what this run trains (same data, same options).
cmp -s "$work/model.json" "$src/rulebooks/models/xeducation_logreg.json" ||
  { echo "FAIL: rulebooks/models/xeducation_logreg.json is not what train writes now (retrain and commit it)"; exit 1; }
"$qualify" score --as-of 2026-11-23 "$src/rulebooks/xeducation.qual" "$data" > /dev/null 2> "$work/err.txt"
grep -q "9237 leads: 9237 decisions, 0 errors" "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
echo "xeducation: ok"
