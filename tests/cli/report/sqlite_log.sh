#!/usr/bin/env bash
# Decision logs in SQLite and JSON Lines: the same decisions logged to both
# give identical reports (text and JSON); --since/--until select a period
# in both; two `qualify score --log` runs writing the same log at once lose
# and mangle no record, for SQLite (WAL, busy timeout) and for JSON Lines
# (one O_APPEND write per record). Usage: sqlite_log.sh QUALIFY SOURCE_DIR WORK_DIR
set -u
qualify=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
rulebook=$src/rulebooks/saas_inbound.qual
leads=$src/rulebooks/sample/leads.jsonl
outcomes=$src/rulebooks/sample/outcomes.csv

# Round trip: one run into each kind of log, two days of runs.
for log in decisions.jsonl decisions.db; do
  "$qualify" score "$rulebook" "$leads" --as-of 2026-11-23 --log $log --now 2026-11-23T09:00:00Z > /dev/null 2>&1 ||
    fail "score --log $log"
  "$qualify" score "$rulebook" "$leads" --as-of 2026-11-30 --log $log --now 2026-11-30T09:00:00Z > /dev/null 2>&1 ||
    fail "second score --log $log"
done
for format in text json markdown; do
  "$qualify" report --decisions decisions.jsonl --outcomes "$outcomes" --format $format > jsonl.$format 2> jsonl.err
  "$qualify" report --decisions decisions.db --outcomes "$outcomes" --format $format > db.$format 2> db.err
  cmp -s jsonl.$format db.$format || { fail "$format reports differ"; diff jsonl.$format db.$format | head; }
  [ -s jsonl.err ] || [ -s db.err ] && fail "report printed problems: $(cat jsonl.err db.err)"
done
grep -q '"leads": 300' db.json || fail "the SQLite report does not count 300 leads"

# Period selection: the first day only, the second day only, both.
for log in decisions.jsonl decisions.db; do
  "$qualify" report --decisions $log --outcomes "$outcomes" --format json --until 2026-11-23 > first.json
  "$qualify" report --decisions $log --outcomes "$outcomes" --format json --since 2026-11-24 > second.json
  "$qualify" report --decisions $log --outcomes "$outcomes" --format json --since 2026-12-01 > none.json
  grep -q '"leads": 300' first.json || fail "$log --until: $(grep '"leads"' first.json)"
  grep -q '"leads": 300' second.json || fail "$log --since: $(grep '"leads"' second.json)"
  grep -q '"leads": 0' none.json || fail "$log --since after the log: $(grep '"leads"' none.json)"
  # The as-of date differs between the days, so the periods are told apart.
  "$qualify" log show L-10001 --decisions $log --format json > shown.jsonl
  [ "$(wc -l < shown.jsonl)" -eq 2 ] || fail "$log: log show does not find both decisions of L-10001"
done
"$qualify" report --decisions decisions.db --outcomes "$outcomes" --since 2026-11-31 > /dev/null 2> bad.err
[ $? -eq 2 ] && grep -q "is not a date" bad.err || fail "a bad --since date is not a usage error"

# Concurrent writers: two runs of 3000 leads each (the sample with ids
# renamed), started together, into one SQLite log and one JSON Lines log.
for part in A B; do
  for copy in 0 1 2 3 4 5 6 7 8 9; do sed "s/\"id\":\"L-/\"id\":\"$part$copy-/" "$leads"; done > leads-$part.jsonl
done
for log in together.db together.jsonl; do
  "$qualify" score "$rulebook" leads-A.jsonl --as-of 2026-11-23 --log $log > /dev/null 2> a.err &
  a=$!
  "$qualify" score "$rulebook" leads-B.jsonl --as-of 2026-11-23 --log $log > /dev/null 2> b.err &
  b=$!
  wait $a || fail "$log: writer A failed: $(cat a.err)"
  wait $b || fail "$log: writer B failed: $(cat b.err)"
  "$qualify" report --decisions $log --outcomes "$outcomes" --format json > together.json 2> together.err
  grep -q '"leads": 6000' together.json || fail "$log: $(grep '"leads"' together.json) after two writers of 3000"
  [ -s together.err ] && fail "$log: unreadable records: $(head -3 together.err)"
done
[ "$(wc -l < together.jsonl)" -eq 6000 ] || fail "together.jsonl has $(wc -l < together.jsonl) lines, not 6000"

[ $failures -eq 0 ] && echo "sqlite and JSON Lines logs: ok"
exit $((failures > 0))
