#!/usr/bin/env bash
# `qualify report --html`: the page renders in headless Chromium with no
# console error and no network request, and its DOM holds the report's
# figures (verdict, AUC, band counts) and one <svg> per chart. Skips (77)
# when Chromium is not installed. Usage: html.sh QUALIFY SOURCE_DIR WORK_DIR
set -u
qualify=$1 src=$2 work=$3
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "skipped: chromium not found"; exit 77; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
rulebook=$src/rulebooks/saas_inbound.qual
outcomes=$src/rulebooks/sample/outcomes.csv

"$qualify" score "$rulebook" "$src/rulebooks/sample/leads.jsonl" --as-of 2026-11-23 --log decisions.jsonl \
  --now 2026-11-23T09:00:00Z > /dev/null 2>&1 || fail "score"
grep '"source":"partner"' "$src/rulebooks/sample/leads.jsonl" > partner.jsonl
"$qualify" score "$rulebook" partner.jsonl --as-of 2026-11-23 --log baseline.jsonl > /dev/null 2>&1 || fail "score baseline"
"$qualify" report --decisions decisions.jsonl --outcomes "$outcomes" --baseline baseline.jsonl \
  --html report.html > report.txt || fail "report --html"
"$qualify" report --decisions decisions.jsonl --outcomes "$outcomes" --baseline baseline.jsonl --format json > report.json

# Self-contained: no script, no stylesheet or image link, no URL but the SVG namespace.
grep -qi '<script' report.html && fail "the page has a script"
grep -qiE '<link|<img|@import|url\(' report.html && fail "the page loads a resource"
grep -oE 'https?://[^"]*' report.html | grep -v '^http://www.w3.org/2000/svg$' | head -1 | grep -q . &&
  fail "the page names a URL"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --user-data-dir="$profile" --enable-logging=stderr --v=0 --dump-dom "file://$work/report.html" \
  > dom.html 2> chromium.err
rc=$?
[ $rc -eq 0 ] || fail "chromium exited $rc: $(tail -5 chromium.err)"
grep -E 'CONSOLE|Uncaught|ERR_' chromium.err | head -5 | grep -q . && fail "console errors: $(grep -E 'CONSOLE|Uncaught|ERR_' chromium.err | head -5)"

# The DOM holds the figures of the JSON report.
auc=$(sed -n 's/^  "auc": \([0-9.]*\),$/\1/p' report.json)
verdict=$(sed -n 's/^  "verdict": "\([a-z_]*\)",$/\1/p' report.json)
[ -n "$auc" ] && [ -n "$verdict" ] || fail "no AUC or verdict in the JSON report"
auc3=$(printf '%.3f' "$auc")
grep -q "<b id=\"auc\">$auc3</b>" dom.html || fail "the DOM lacks AUC $auc3"
grep -q "data-verdict=\"$verdict\"" dom.html || fail "the DOM lacks the verdict $verdict"
grep -q "<td>decile 10 (top)</td><td class=\"n\">[0-9.-]*</td><td class=\"n\">30</td>" dom.html ||
  fail "the DOM lacks the top decile's count"
for route in $(sed -n '/^Routes$/,/^$/p' report.txt | awk 'NR > 2 && NF { print $1 ":" $3 }'); do
  grep -q "<td>${route%%:*}</td><td class=\"n\">[0-9.-]*</td><td class=\"n\">${route##*:}</td>" dom.html ||
    fail "the DOM lacks route ${route%%:*} with ${route##*:} leads"
done
for chart in chart-score-distribution chart-calibration chart-conversion chart-routes; do
  grep -q "<svg id=\"$chart\"" dom.html || fail "no <svg> for $chart"
done
[ "$(grep -o '<svg ' dom.html | wc -l)" -eq 4 ] || fail "not four charts"
grep -q '<circle class="point"' dom.html || fail "the calibration chart has no points"
grep -q '<rect class="bar series-1"' dom.html || fail "the baseline is not drawn"

[ $failures -eq 0 ] && echo "report --html: ok"
exit $((failures > 0))
