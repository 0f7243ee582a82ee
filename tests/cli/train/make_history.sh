#!/usr/bin/env bash
# Writes a synthetic history of N leads (CSV on stdout) for fixture.qual:
# software and fintech convert more, bigger companies more, customers less.
# A fixed linear congruential generator, so the file is the same everywhere.
# Usage: make_history.sh N [csv|jsonl]
n=$1 format=${2:-csv}
awk -v n="$n" -v format="$format" 'BEGIN {
  s = 12345
  split("software fintech retail media N/A", ind, " ")
  if (format == "csv") print "id,Industry,Employees,Customer,outcome"
  for (i = 1; i <= n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648; k = int(s / 65536) % 5 + 1
    s = (s * 1103515245 + 12345) % 2147483648; e = int(s / 65536) % 2000 + 5
    s = (s * 1103515245 + 12345) % 2147483648; c = int(s / 65536) % 4 == 0 ? "yes" : "no"
    s = (s * 1103515245 + 12345) % 2147483648; u = (s / 65536) % 1000 / 1000
    logit = -1 + (k <= 2 ? 1.2 : 0) + e / 1000 - (c == "yes" ? 1 : 0)
    p = 1 / (1 + exp(-logit))
    o = u < p ? "won" : "lost"
    if (i % 17 == 0) o = ""   # still open
    emp = (i % 11 == 0) ? "" : e
    if (format == "csv") printf "L%d,%s,%s,%s,%s\n", i, ind[k], emp, c, o
    else printf "{\"id\":\"L%d\",\"company\":{\"industry\":\"%s\",\"employees\":%s},\"crm\":{\"is_customer\":\"%s\"},\"deal\":{\"stage\":%s}}\n", i, ind[k], emp == "" ? "null" : emp, c, o == "" ? "null" : "\"" o "\""
  }
}'
