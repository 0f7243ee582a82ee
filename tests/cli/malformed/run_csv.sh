#!/usr/bin/env bash
# Malformed CSV records: an export with many kinds of bad rows interleaved
# with good ones (bad quoting, ragged rows, invalid UTF-8, huge cells, wrong
# types, placeholders). Checks exactly one error record per bad row naming
# its line, a decision per good row, nothing lost (records in = decisions +
# errors, also by the count on stderr), exit 1, the same bytes at -j 2 and
# -j 4; and that a header unfit for the schema (duplicate column, missing
# required column) is reported once, at the header, with no record read.
#   run_csv.sh QUALIFY_BINARY WORK_DIR
set -u
qualify=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
leads=$work/leads.csv
kinds=$work/kinds.txt   # "LINE good|bad|any DESCRIPTION" for each record
header='id,email,source,company.employees,company.tech_stack,contact.seniority,crm.is_customer,intent.score,signup.date'
printf '%s\n' "$header" >"$leads"
: >"$kinds"
line=1

# add KIND DESCRIPTION TEXT [LINES]: appends one record that spans LINES
# physical lines (default 1); TEXT is written with printf %s.
add() {
    printf '%s\n' "$3" >>"$leads"
    printf '%d %s %s\n' "$((line + 1))" "$1" "$2" >>"$kinds"
    line=$((line + ${4:-1}))
}
blank() {
    printf '%s\n' "$1" >>"$leads"
    line=$((line + 1))
}
good() { add good "$@"; }
bad() { add bad "$@"; }
# row ID EMAIL SOURCE EMPLOYEES STACK SENIORITY CUSTOMER INTENT DATE
row() { local IFS=,; printf '%s' "$*"; }
big() { head -c "$1" /dev/zero | tr '\0' "$2"; }

good 'complete lead' "$(row g1 jo@acme.com inbound_form 800 'hubspot;jira' vp false 72.5 2026-11-01)"
good 'only required cells' "$(row g2 jo@acme.com partner '' '' '' '' '' '')"
bad 'too few cells' "$(row b1 jo@acme.com inbound_form)"
bad 'too many cells' "$(row b2 jo@acme.com inbound_form 800 '' vp false 72.5 2026-11-01 extra)"
bad 'one cell (another delimiter)' 'b3;jo@acme.com;inbound_form;;;;;;'
bad 'only delimiters' ',,,,,,,,'
blank ''
good 'quoted cells, one with doubled quotes' \
    'g3,"jo@acme.com",event,"1200","hubspot;""jira""",vp,,,' 1
good 'quoted cell spanning two lines' $'g4,jo@acme.com,event,,"multi\nline",,,,' 2
bad 'quote inside an unquoted cell' "$(row b4 'jo"x@acme.com' inbound_form '' '' '' '' '' '')"
bad 'text after the closing quote' 'b5,"jo@acme.com"x,inbound_form,,,,,,'
bad 'invalid UTF-8 byte' $'b6\xff,jo@acme.com,inbound_form,,,,,,'
bad 'truncated UTF-8 sequence' $'b7,jo\xe2\x82@acme.com,inbound_form,,,,,,'
bad 'overlong UTF-8 encoding' $'b8\xc0\xaf,jo@acme.com,inbound_form,,,,,,'
bad 'UTF-16 surrogate encoded in UTF-8' $'b9\xed\xa0\x80,jo@acme.com,inbound_form,,,,,,'
bad 'unquoted cell over 1 MiB' "b10,$(big 1100000 a)@acme.com,inbound_form,,,,,,"
bad 'quoted cell over 1 MiB' "b11,\"$(big 1100000 a)@acme.com\",inbound_form,,,,,,"
bad 'record over 4 MiB' "b12,jo@acme.com,inbound_form,,$(big 1000000 a),$(big 1000000 b),$(big 1000000 c),$(big 1000000 d),$(big 500000 e)"
good 'list cell just under 1 MiB' "g5,jo@acme.com,event,,$(big 1000000 x),,,,"
bad 'int: not a number' "$(row b13 jo@acme.com inbound_form lots '' '' '' '' '')"
bad 'int: fraction' "$(row b14 jo@acme.com inbound_form 12.5 '' '' '' '' '')"
bad 'int: overflow' "$(row b15 jo@acme.com inbound_form 99999999999999999999999999 '' '' '' '' '')"
bad 'int: thousands separator (off by default)' 'b16,jo@acme.com,inbound_form,"1,200",,,,,'
bad 'decimal: not a number' "$(row b17 jo@acme.com inbound_form '' '' '' '' high '')"
bad 'decimal: overflow' "$(row b18 jo@acme.com inbound_form '' '' '' '' 1e300 '')"
bad 'bool: not a bool' "$(row b19 jo@acme.com inbound_form '' '' '' maybe '' '')"
bad 'date: impossible' "$(row b20 jo@acme.com inbound_form '' '' '' '' '' 2026-02-30)"
bad 'date: not a date' "$(row b21 jo@acme.com inbound_form '' '' '' '' '' yesterday)"
bad 'date: US order' "$(row b22 jo@acme.com inbound_form '' '' '' '' '' 11/01/2026)"
bad 'enum: unknown value' "$(row b23 jo@acme.com carrier_pigeon '' '' '' '' '' '')"
bad 'optional enum: unknown value' "$(row b24 jo@acme.com inbound_form '' '' intern '' '' '')"
bad 'required id empty' "$(row '' jo@acme.com inbound_form '' '' '' '' '' '')"
bad 'required id a placeholder' "$(row N/A jo@acme.com inbound_form '' '' '' '' '' '')"
bad 'required email empty' "$(row b25 '' inbound_form '' '' '' '' '' '')"
bad 'required enum empty' "$(row b26 jo@acme.com '' '' '' '' '' '' '')"
good 'placeholders are unknown' "$(row g6 jo@acme.com partner N/A N/A N/A N/A N/A N/A)"
good 'bools as Yes/No, any case' "$(row g7 jo@acme.com partner '' '' '' yes '' '')"
good 'CRLF line ending' "$(row g8 jo@acme.com partner 50 '' '' No 10 2026-10-01)"$'\r'
blank $'  \t'
good 'non-ASCII text' "$(row g9 zoë@exämple.com event '' '' '' '' '' '')"
good 'disqualified lead' "$(row g10 jo@acme.com partner '' '' '' true '' '')"
# A stray opening quote runs to the end of the input (no quote follows); the
# reader then resumes on the line after it, so the rows below are not lost.
bad 'stray opening quote' 'b27,"jo@acme.com,inbound_form,,,,,,'
good 'row after the stray quote' "$(row g11 jo@acme.com event 300 '' cxo '' '' '')"
good 'last row' "$(row g12 jo@acme.com event 15000 '' '' '' '' '')"

fail=0
problem() { echo "FAIL: $*"; fail=1; }

records=$(wc -l <"$kinds")
n_bad=$(grep -c ' bad ' "$kinds")
n_good=$(grep -c ' good ' "$kinds")
echo "$records records ($n_good good, $n_bad bad)"
[ "$n_bad" -ge 30 ] || problem "fewer than 30 kinds of bad row"

"$qualify" score --as-of 2026-11-23 "$here/rulebook.qual" "$leads" >"$work/out1" 2>"$work/err1"
rc=$?
[ "$rc" -eq 1 ] || problem "exit code $rc, expected 1"
out_lines=$(wc -l <"$work/out1")
[ "$out_lines" -eq "$records" ] || problem "$out_lines output lines for $records records"
n_errors=$(grep -c '^{"id":[^,]*,"line":[0-9]*,"error":' "$work/out1")
[ "$n_errors" -eq "$n_bad" ] || problem "$n_errors error records for $n_bad bad rows"
expected_err="$records leads: $((records - n_bad)) decisions, $n_bad errors"
grep -qxF "$expected_err" "$work/err1" || problem "stderr is '$(tail -n1 "$work/err1")', expected '$expected_err'"

k=0
while read -r number kind description; do
    k=$((k + 1))
    out=$(sed -n "${k}p" "$work/out1" | head -c 400)
    case $kind in
    bad)
        printf '%s' "$out" | grep -Eq '^\{"id":(null|"[^"]*"),"line":'"$number"',"error":"[^"]+' ||
            problem "line $number ($description): expected an error record for line $number, got: $out" ;;
    good)
        printf '%s' "$out" | grep -q '"route":"' ||
            problem "line $number ($description): expected a decision, got: $out" ;;
    esac
done <"$kinds"

for j in 2 4; do
    "$qualify" score --as-of 2026-11-23 -j "$j" "$here/rulebook.qual" "$leads" >"$work/out_j$j" 2>"$work/err_j$j"
    rc=$?
    [ "$rc" -eq 1 ] || problem "-j $j: exit code $rc, expected 1"
    cmp -s "$work/out1" "$work/out_j$j" || problem "-j $j output differs from -j 1"
    cmp -s "$work/err1" "$work/err_j$j" || problem "-j $j stderr differs from -j 1"
done

# Header problems: reported once, at the header; no record is decided.
# header_case NAME HEADER EXPECTED_MESSAGE
header_case() {
    local file=$work/header_$1.csv
    {
        printf '%s\n' "$2"
        for i in 1 2 3 4 5; do printf 'h%d,jo@acme.com,partner,10,,,,,\n' "$i"; done
    } >"$file"
    "$qualify" score --as-of 2026-11-23 "$here/rulebook.qual" "$file" >"$work/hout" 2>"$work/herr"
    local rc=$?
    [ "$rc" -eq 2 ] || problem "header $1: exit code $rc, expected 2"
    [ ! -s "$work/hout" ] || problem "header $1: records were decided"
    [ "$(wc -l <"$work/herr")" -eq 1 ] || problem "header $1: expected one message, got: $(cat "$work/herr")"
    grep -qF "$3" "$work/herr" || problem "header $1: expected '$3', got: $(cat "$work/herr")"
}
header_case duplicate_column 'id,email,source,company.employees,email,a,b,c,d' 'duplicate column "email" in the header'
header_case missing_required 'id,mail,source,company.employees,a,b,c,d,e' 'email'
header_case missing_two_required 'ident,mail,source,company.employees,a,b,c,d,e' 'id'

[ "$fail" -eq 0 ] && echo "ok"
exit "$fail"
