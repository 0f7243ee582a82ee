# Sourced by the train tests. Two preludes and one check they share.

# synthetic_setup: for run.sh and gbdt.sh, after `qualify here work` are set:
# a fresh work directory (the current one from here on) holding the fixture
# rulebook and a 600-record synthetic history, and `fail`, which counts.
synthetic_setup() {
  rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
  failures=0
  cp "$here/fixture.qual" .
  bash "$here/make_history.sh" 600 > history.csv
}
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# xeducation_train ALGO REFERENCE_JSON REFERENCE_NAME: for xeducation.sh and
# xeducation_gbdt.sh, after `qualify src data work` are set: skips (77)
# without the export, trains ALGO on it into $work/model.json, and fails
# unless the 5-fold CV AUC is within 0.005 of the reference's.
xeducation_train() {
  local algo=$1 reference=$2 name=$3
  [ -f "$data" ] || { echo "skipped: $data not found"; exit 77; }
  rm -rf "$work" && mkdir -p "$work" || exit 1
  "$qualify" train "$src/rulebooks/xeducation.qual" --history "$data" --target Converted --algo "$algo" \
    --as-of 2026-11-23 --out "$work/model.json" > "$work/out.txt" || { cat "$work/out.txt"; exit 1; }
  cat "$work/out.txt"
  local ours theirs
  ours=$(sed -n 's/^5-fold cross-validation: AUC \([0-9.]*\),.*/\1/p' "$work/out.txt")
  theirs=$(sed -n 's/.*"cv_auc": "\([0-9.]*\)".*/\1/p' "$reference")
  echo "qualify CV AUC $ours, $name $theirs"
  awk -v a="$ours" -v b="$theirs" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && b != "" && d <= 0.005) }' ||
    { echo "FAIL: CV AUC differs from $name's by more than 0.005"; exit 1; }
}
