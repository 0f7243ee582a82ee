#!/usr/bin/env bash
# `qualify model import` end to end on the XGBoost fixtures
# (tests/data/xgboost): the converted file equals the committed
# propensity.json byte for byte, the rulebook that blends it compiles and
# passes its tests, and a model whose feature names the schema does not
# have is refused with exit 2, naming the feature, writing nothing.
#   run.sh QUALIFY_BINARY SOURCE_DIR WORK_DIR
set -u
qualify=$1
data=$2/tests/data/xgboost
work=$3
rm -rf "$work" && mkdir -p "$work"
fail=0
check() {  # check DESCRIPTION: fails unless the last command succeeded
    if [ "$?" -ne 0 ]; then echo "FAIL: $1"; fail=1; fi
}

"$qualify" model import "$data/xgboost_model.json" --rulebook "$data/blend.qual" --out "$work/m.json" 2>"$work/err"
check "import exits 0"
grep -q "m.json: 30 trees, 11 columns over \[company.employees, intent.score" "$work/err"
check "import reports trees, columns and fields: $(cat "$work/err")"
cmp "$work/m.json" "$data/propensity.json"
check "the imported file equals tests/data/xgboost/propensity.json"

# The rulebook's own model file need not exist yet: import writes it.
cp "$data/blend.qual" "$data/blend.test.qual" "$work/"
"$qualify" model import "$data/xgboost_model.json" --rulebook "$work/blend.qual" --out "$work/propensity.json" 2>/dev/null
check "import works before the rulebook's model file exists"
"$qualify" test --as-of 2026-11-23 "$work/blend.qual" >"$work/test.out" 2>&1
check "the blended rulebook passes its tests: $(cat "$work/test.out")"

# An outdated model file beside the rulebook (here: one that no longer
# matches its `features [...]`) does not stop the import that replaces it.
echo '{"format": "qualify-model"}' >"$work/propensity.json"
"$qualify" model import "$data/xgboost_model.json" --rulebook "$work/blend.qual" --out "$work/propensity.json" 2>/dev/null
check "import replaces a broken model file"
cmp "$work/propensity.json" "$data/propensity.json"
check "the replaced file is the imported model"

sed 's/"company.industry=retail"/"company.industy=retail"/' "$data/xgboost_model.json" >"$work/typo.json"
"$qualify" model import "$work/typo.json" --rulebook "$data/blend.qual" --out "$work/typo.out.json" 2>"$work/typo.err"
[ "$?" -eq 2 ]
check "an unknown feature name exits 2"
grep -q 'feature_names\[7\]: "company.industy=retail": unknown field "company.industy"' "$work/typo.err"
check "the error names the feature: $(cat "$work/typo.err")"
[ ! -e "$work/typo.out.json" ]
check "nothing is written on error"
exit $fail
