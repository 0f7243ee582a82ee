#!/usr/bin/env bash
# The acceptance check for trees on real data: `qualify train --algo gbdt`
# (200 trees, depth 4, eta 0.1, one thread) on the X Education export
# reaches XGBClassifier's 5-fold CV AUC with the same parameters, features
# and folds (tests/reference/xeducation_xgboost.json, made by
# scripts/reference/xeducation_sklearn.py) within 0.005; with the same
# XGBoost version the committed rulebooks/models/xeducation_gbdt.json is
# byte for byte what it trains; and the rulebook scores the export with the
# trees and no error record. Skips (77) without the data.
# Usage: xeducation_gbdt.sh QUALIFY SOURCE_DIR DATA_DIR WORK_DIR
set -u
qualify=$1 src=$2 data=$3/xeducation_leads.csv work=$4
source "$src/tests/cli/train/lib.sh"
xeducation_train gbdt "$src/tests/reference/xeducation_xgboost.json" XGBClassifier
committed="$src/rulebooks/models/xeducation_gbdt.json"
library() { sed -n 's/.*"library": "\(XGBoost [0-9.]*\)".*/\1/p' "$1"; }
if [ "$(library "$work/model.json")" = "$(library "$committed")" ]; then
  cmp -s "$work/model.json" "$committed" ||
    { echo "FAIL: rulebooks/models/xeducation_gbdt.json is not what train writes now (retrain and commit it)"; exit 1; }
else
  echo "note: $(library "$work/model.json") here, the committed model was trained by $(library "$committed"): not compared"
fi
# The rulebook with its model statement pointed at the trees.
sed 's#models/xeducation_logreg.json#models/xeducation_gbdt.json#' "$src/rulebooks/xeducation.qual" > "$work/trees.qual"
mkdir -p "$work/models" && cp "$work/model.json" "$work/models/xeducation_gbdt.json"
"$qualify" score --as-of 2026-11-23 "$work/trees.qual" "$data" > "$work/decisions.jsonl" 2> "$work/err.txt"
grep -q "9237 leads: 9237 decisions, 0 errors" "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
echo "xeducation gbdt: ok"
